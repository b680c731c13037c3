"""The deployment files say what the replica tests run: docker-compose.yml, the Dockerfile, the systemd
units and deploy/replica.env.example checked against deploy/nginx.conf, bench/services.replica_env (the
settings tests/test_replicas.py starts its replicas with) and the README's set-up. Docker itself cannot
run here: these read the files."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.services import replica_env, site_config
from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
APP_PORT = 7860


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def _replicas(compose: dict[str, Any]) -> dict[str, Any]:
    return {name: s for name, s in compose["services"].items() if name.startswith("app")}


def _upstreams(name: str = "lyg_hitech") -> list[str]:
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    block = re.search(rf"upstream {name} \{{(.*?)\}}", text, re.S)
    assert block is not None
    return re.findall(r"^\s*server\s+(\S+)", block.group(1), re.M)


def test_compose_runs_the_tested_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"postgres", "chroma", "app1", "app2", "nginx"}
    replicas = sorted(f"{name}:{APP_PORT}" for name in _replicas(compose))
    assert sorted(_upstreams()) == replicas
    assert sorted(_upstreams("lyg_hitech_chat")) == replicas  # the chat's sticky upstream lists them all too


def test_each_replica_has_exactly_the_tested_settings(compose: dict[str, Any]) -> None:
    tested = replica_env("postgresql+psycopg://u@h/d", "http://h:8000", "salt")
    for name, service in _replicas(compose).items():
        env = service["environment"]
        assert set(env) == set(tested), name
        assert env["BOT_RATE_LIMIT_STORE"] == tested["BOT_RATE_LIMIT_STORE"]
        assert env["BOT_DATABASE_URL"].startswith("postgresql+psycopg://")  # the driver requirements.txt pins
        assert env["BOT_CHROMA_URL"] == "http://chroma:8000"
        assert str(APP_PORT) in [str(port) for port in service["expose"]]
        nginx_address = compose["services"]["nginx"]["networks"]["backend"]["ipv4_address"]
        assert env["BOT_TRUSTED_PROXIES"] == nginx_address  # the app believes X-Forwarded-For from nginx only
        assert {"postgres", "chroma"} <= set(service["depends_on"])


def test_the_settings_of_the_files_are_valid_settings(compose: dict[str, Any]) -> None:
    example = dict(
        line.split("=", 1)
        for line in (ROOT / "deploy" / "replica.env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert set(example) == set(replica_env("", "", ""))
    example["BOT_STAFF_TOKEN"] = "x" * 32
    Settings.from_env(example)  # raises ConfigError for anything the app would refuse
    for service in _replicas(compose).values():
        env = {
            k: re.sub(r"\$\{[^}]*\}", "filled-in-value-0123456789abcdef", str(v))
            for k, v in service["environment"].items()
        }
        Settings.from_env(env)


def test_nginx_runs_deploy_nginx_conf_on_the_published_port(compose: dict[str, Any]) -> None:
    nginx = compose["services"]["nginx"]
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in nginx["volumes"]
    assert [port.split(":")[1] for port in nginx["ports"]] == ["80"]
    assert "listen 80;" in (ROOT / "deploy" / "nginx.conf").read_text()
    tested = site_config(8080, ["127.0.0.1:1", "127.0.0.1:2"])  # what the tests run: only addresses differ
    assert "listen 127.0.0.1:8080;" in tested
    assert "proxy_next_upstream error timeout http_502 non_idempotent;" in tested
    assert tested.count("server 127.0.0.1:1 ") == 2  # both upstream blocks point at the replicas


def test_the_image_is_set_up_as_the_readme_says_and_serves_the_upstream_port(compose: dict[str, Any]) -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    runs = [line.split(None, 1)[1] for line in dockerfile.splitlines() if line.startswith("RUN ")]
    makefile = (ROOT / "Makefile").read_text()
    setup = re.search(r"^setup:\n\t@?(.+)$", makefile, re.M)
    assert setup is not None
    assert runs == [setup.group(1)]  # `make setup` (which `make run` runs first) is the image's only step
    assert "make run" in (ROOT / "README.md").read_text().split("\n## ", 1)[0]
    assert re.search(r"^run: setup$", makefile, re.M)
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M)
    assert cmd is not None
    command = yaml.safe_load(cmd.group(1))
    assert command[:2] == [".venv/bin/python", "app.py"]
    assert command[command.index("--port") + 1] == str(APP_PORT)
    assert f"EXPOSE {APP_PORT}" in dockerfile
    chroma = compose["services"]["chroma"]
    assert chroma["build"] == "." and chroma["command"][:2] == [".venv/bin/chroma", "run"]


def test_the_systemd_units_start_the_same_programs_with_the_same_settings() -> None:
    unit = (ROOT / "deploy" / "systemd" / "lyg-hitech@.service").read_text()
    start = shlex.split(re.search(r"^ExecStart=(.+)$", unit, re.M).group(1))  # type: ignore[union-attr]
    assert start[1:3] == ["app.py", "--host"] and start[start.index("--port") + 1] == "%i"
    assert "EnvironmentFile=/etc/lyg-hitech/replica.env" in unit
    chroma = (ROOT / "deploy" / "systemd" / "lyg-hitech-chroma.service").read_text()
    assert re.search(r"^ExecStart=\S+/\.venv/bin/chroma run --host 127\.0\.0\.1 --port 8000 ", chroma, re.M)
    example = (ROOT / "deploy" / "replica.env.example").read_text()
    assert "BOT_CHROMA_URL=http://127.0.0.1:8000" in example
