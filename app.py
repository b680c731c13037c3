"""Run the web app: the chat page at /, the REST API under /api (docs at /docs), the staff console at /staff.

    python app.py [--host 127.0.0.1] [--port 7860]

Settings come from the environment (see bot/config.py). The first start builds the vector index.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

for _name, _value in (
    ("HF_HUB_OFFLINE", "1"),
    ("HF_HUB_DISABLE_TELEMETRY", "1"),
    ("GRADIO_ANALYTICS_ENABLED", "False"),
    ("ANONYMIZED_TELEMETRY", "False"),
):
    os.environ.setdefault(_name, _value)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, build the app and serve it with uvicorn; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python app.py", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860, help="port to listen on (default 7860)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    import uvicorn

    from bot.errors import BotError
    from bot.web.server import create_app

    try:
        app = create_app()
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # no access log: it would write every client's address to the console; no proxy headers: the
    # app's Gate reads X-Forwarded-For itself, and only from the proxies BOT_TRUSTED_PROXIES names
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="info",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=5,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
