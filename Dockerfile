# The assistant's image: the README's set-up (`make run` = scripts/bootstrap.sh run, then app.py).
# docker-compose.yml runs two replicas of it behind nginx, with PostgreSQL and a Chroma server.
# tests/test_deploy.py checks this file against the tested set-up (Docker itself does not run there).
FROM python:3.11-slim-bookworm

WORKDIR /app
COPY . /app
RUN scripts/bootstrap.sh run

ENV HF_HUB_OFFLINE=1 \
    HF_HUB_DISABLE_TELEMETRY=1 \
    GRADIO_ANALYTICS_ENABLED=False \
    ANONYMIZED_TELEMETRY=False \
    BOT_INDEX_DIR=/var/lib/lyg-hitech

EXPOSE 7860
CMD [".venv/bin/python", "app.py", "--host", "0.0.0.0", "--port", "7860"]
