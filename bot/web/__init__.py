"""The web app: REST API, chat page and staff console (build it with bot.web.server.create_app)."""
