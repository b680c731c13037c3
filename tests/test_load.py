"""The bounded load run: 32 clients on loopback for 60 s against `python app.py` with the real embedder.

Every answer is checked while the load runs (right article first, its figures, fallback or not)
and must equal the answer the idle server gave to the same question: concurrent requests share
model runs, and nothing they share may leak from one answer into another. Clients also rate
answers as they go; afterwards every turn and every rating is counted in the staff console.

The server keeps only 8 question vectors, fewer than the questions asked, so repeated questions
still go through the model under load instead of all coming from the cache.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import pytest
from web_helpers import STAFF_TOKEN, AppServer

pytestmark = pytest.mark.load

CLIENTS = 32
DURATION_S = 60.0
HOTLINE = "400-107-6681"
CONVERSATION = "load-run"


@dataclass(frozen=True)
class Expect:
    """A question and what any correct answer to it shows."""

    question: str
    article: int | None  # the first citation; None: no citation expected
    facts: tuple[str, ...] = ()
    fallback: bool = False
    history: tuple[str, ...] = ()

    @property
    def body(self) -> dict[str, object]:
        return {"question": self.question, "history": list(self.history), "conversation_id": CONVERSATION}

    def problem(self, answer: dict[str, object]) -> str:
        """What is wrong with `answer` ("" when nothing is)."""
        text = str(answer["answer"])
        cited = [c["article"] for c in answer["citations"]]  # type: ignore[attr-defined]
        if answer["fallback"] != self.fallback:
            return f"fallback {answer['fallback']}, expected {self.fallback}"
        if self.article is not None and cited[:1] != [self.article]:
            return f"expected article {self.article} first, got {cited}"
        missing = [fact for fact in self.facts if fact not in text]
        return f"missing {missing}" if missing else ""


QUESTIONS = (
    Expect("外籍人才申请工作许可的年龄上限是多少？", 5, ("65",)),
    Expect("How long can an R visa be valid for, and how long can I stay each time?", 5, ("10", "180")),
    Expect("那R字签证呢？", 5, ("10",), history=("外籍人才申请工作许可的年龄上限是多少？",)),
    Expect("新认定的省级高新区能拿到多少奖励？", 25, ("100",)),
    Expect("Which bureau is in charge of land-use policy for the zones?", 19),
    Expect("工业用地可以弹性出让或者先租后让吗？", 19),
    Expect("Is there support for building incubators and maker spaces?", 10),
    Expect("Do banks give more credit to tech companies in the high-tech zones?", 21),
    Expect("What is the investment hotline?", None, (HOTLINE,)),
    Expect("明天巴黎天气怎么样？", None, (HOTLINE,), fallback=True),
    Expect("Can you recommend a good restaurant in Shanghai?", None, (HOTLINE,), fallback=True),
    Expect("科技型中小企业怎么成长为瞪羚企业、独角兽企业？", 9),
)


@dataclass
class Tally:
    """What the clients saw, shared between their threads."""

    requests: int = 0
    ratings_sent: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    texts: dict[str, set[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def saw(self, question: str, text: str) -> None:
        with self.lock:
            self.requests += 1
            self.texts.setdefault(question, set()).add(text)

    def problem(self, message: str) -> None:
        with self.lock:
            self.problems.append(message)

    def rated(self, answer_id: str, comment: str) -> None:
        with self.lock:
            self.ratings_sent.append((answer_id, comment))


@pytest.fixture(scope="module")
def load_server(web_server: AppServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A server of its own (rate limit off, 8 cached question vectors) on a copy of the shared index."""
    base = tmp_path_factory.mktemp("load")
    shutil.copytree(web_server.index_dir / "chroma", base / "index" / "chroma")
    server = AppServer(
        base / "index",
        # every client comes from 127.0.0.1: no per-client limits (the gate's are tested in test_web_gate)
        {
            "BOT_RATE_LIMIT_PER_MINUTE": "0",
            "BOT_MAX_CONCURRENT_PER_CLIENT": "0",
            "BOT_QUERY_CACHE": "8",
            "BOT_STAFF_TOKEN": STAFF_TOKEN,
        },
    )
    server.start()
    yield server
    server.stop()


def _client(url: str, number: int, deadline: float, reference: dict[str, str], tally: Tally) -> None:
    with httpx.Client(base_url=url, timeout=60) as client:
        position = number
        while time.monotonic() < deadline:
            expect = QUESTIONS[position % len(QUESTIONS)]
            position += 1
            try:
                response = client.post("/api/ask", json=expect.body)
            except httpx.HTTPError as exc:
                tally.problem(f"client {number}: {type(exc).__name__}: {exc}")
                continue
            if response.status_code != 200:
                tally.problem(f"client {number}: HTTP {response.status_code} {response.text[:200]}")
                continue
            answer = response.json()
            tally.saw(expect.question, answer["answer"])
            if problem := expect.problem(answer):
                tally.problem(f"{expect.question!r}: {problem}")
            if answer["answer"] != reference[expect.question]:
                tally.problem(f"{expect.question!r}: answer differs from the idle server's")
            if position % 5 == 0:
                comment = f"load {number}-{position}"
                rating = {"answer_id": answer["id"], "rating": "up", "comment": comment}
                rated = client.post("/api/feedback", json=rating)
                if rated.status_code == 201:
                    tally.rated(answer["id"], comment)
                else:
                    tally.problem(f"feedback: HTTP {rated.status_code} {rated.text[:200]}")


def _staff_feedback(url: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    headers = {"Authorization": f"Bearer {STAFF_TOKEN}"}
    while True:
        page = httpx.get(
            f"{url}/api/staff/feedback", params={"limit": 500, "offset": len(entries)}, headers=headers, timeout=60
        )
        assert page.status_code == 200, page.text
        entries += page.json()
        if len(page.json()) < 500:
            return entries


def test_32_clients_for_60_seconds_get_correct_answers_and_lose_no_turn_or_rating(load_server: AppServer) -> None:
    url = load_server.url
    reference = {}
    for expect in QUESTIONS:  # the idle server's answers, checked like the ones under load
        answer = httpx.post(f"{url}/api/ask", json=expect.body, timeout=60).json()
        assert not expect.problem(answer), (expect.question, expect.problem(answer), answer["answer"])
        reference[expect.question] = answer["answer"]

    tally = Tally()
    deadline = time.monotonic() + DURATION_S
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        for future in [pool.submit(_client, url, n, deadline, reference, tally) for n in range(CLIENTS)]:
            future.result()
    elapsed = time.perf_counter() - started

    print(f"load: {tally.requests} answers, {len(tally.ratings_sent)} ratings in {elapsed:.1f} s")
    assert not tally.problems, f"{len(tally.problems)} problems, e.g. {tally.problems[:5]}"
    assert tally.requests >= CLIENTS * 5, "the load run hardly ran"
    assert all(len(texts) == 1 for texts in tally.texts.values())

    headers = {"Authorization": f"Bearer {STAFF_TOKEN}"}
    logged = httpx.get(f"{url}/api/staff/conversations/{CONVERSATION}", headers=headers, timeout=60).json()
    assert len(logged["turns"]) == tally.requests + len(QUESTIONS)
    stored = {(str(f["turn_id"]), str(f["comment"])) for f in _staff_feedback(url)}
    assert stored == set(tally.ratings_sent)
    assert len(tally.ratings_sent) > 0
