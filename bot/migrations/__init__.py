"""The database's schema as Alembic migrations, applied at start-up (bot.db.prepare) for SQLite and
PostgreSQL alike. Each migration spells its tables out: none imports the models, which move on."""
