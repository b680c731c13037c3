"""python -m eval.exemplars build | measure SET.jsonl …: the labelled questions whose vote has the last word.

`build` writes bot/data/exemplars.npz from every question set in eval/ (the dev set, the held-out sets, the bank):
each question's vector as retrieval computes it (`Answerer.dense_input`), projected on its first `DIMENSIONS`
principal axes and rounded to 8 bits, with its label (does the policy answer it?) and the set it comes from.
Vectors already computed are kept in a cache under index/ (embedding ~50,000 questions takes ~18 minutes on two
cores; a rebuild after adding a set embeds only its questions).

`measure` answers each set given twice in one run, without the vote and with it (the set's own questions left
out of the vote), and prints fallback recall and precision per language side by side. `agreement` counts how often
the vote within the nearest clusters (what the assistant computes) decides as the vote over every row would.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

from bot.answer.exemplars import unit_rows  # (numpy only: no model is loaded by importing it)
from eval.dataset import load_questions
from eval.same_answers import EVAL_DIR, question_sets

DIMENSIONS = 128
CLUSTERS = 256
CACHE = EVAL_DIR.parent / "index" / "exemplar-cache.npz"


def labelled_sets() -> list[Path]:
    """The question sets whose questions are exemplars: every set in eval/ and the bank."""
    return [*question_sets(), EVAL_DIR / "bank.jsonl"]


def key(text: str) -> str:
    """The cache key of an embedded text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def projection(vectors: np.ndarray, dimensions: int = DIMENSIONS) -> tuple[np.ndarray, np.ndarray]:
    """The mean and the first `dimensions` principal axes (columns) of `vectors`."""
    mean = vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(vectors - mean, full_matrices=False)
    return mean.astype(np.float32), axes[:dimensions].T.astype(np.float32)


def quantized(projected: np.ndarray) -> np.ndarray:
    """`projected` rounded to 8 bits on one scale (rows are compared by cosine, so the scale is not kept)."""
    scale = float(np.abs(projected).max()) / 127 or 1.0
    return np.round(projected / scale).astype(np.int8)


def clusters(rows: np.ndarray, count: int = CLUSTERS, rounds: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means of unit `rows`: the centroids and each row's cluster (seeded: the same rows give the same
    clusters)."""
    rng = np.random.default_rng(0)
    centroids = rows[rng.choice(len(rows), size=count, replace=False)].copy()
    assigned = np.zeros(len(rows), dtype=np.int64)
    for _ in range(rounds):
        assigned = np.argmax(rows @ centroids.T, axis=1)
        for c in range(count):
            members = rows[assigned == c]
            if len(members):  # (an empty cluster keeps its centroid)
                centroids[c] = members.sum(axis=0)
        centroids = unit_rows(centroids)
    return centroids, assigned


def build(cache_path: Path, out: Path) -> int:
    """Embed (or take from the cache) every labelled question and write the exemplars file."""
    from bot.assistant import Bot

    bot = Bot()
    answerer = bot.answerer
    names: list[str] = []
    texts: list[str] = []
    fallback: list[bool] = []
    sources: list[int] = []
    positions: list[int] = []
    for path in labelled_sets():
        names.append(path.stem)
        for position, question in enumerate(load_questions(path)):
            texts.append(answerer.dense_input(question.question))
            fallback.append(question.fallback)
            sources.append(len(names) - 1)
            positions.append(position)
    cached: dict[str, np.ndarray] = {}
    if cache_path.is_file():
        with np.load(cache_path, allow_pickle=False) as data:
            if str(data["embedder_id"]) == bot.embedder.id:
                cached = dict(zip((str(k) for k in data["keys"]), data["vectors"], strict=True))
    keys = [key(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cached}.items())
    print(f"{len(texts)} questions in {len(names)} sets; {len(missing)} texts to embed", file=sys.stderr)
    for start in range(0, len(missing), 64):
        batch = missing[start : start + 64]
        for (k, _), vector in zip(batch, bot.embedder.inner.embed_batch([t for _, t in batch], "query"), strict=True):
            cached[k] = vector
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        cache_path, keys=np.array(list(cached)), vectors=np.array(list(cached.values())), embedder_id=bot.embedder.id
    )
    vectors = np.array([cached[k] for k in keys], dtype=np.float32)
    mean, basis = projection(vectors)
    rows = quantized((vectors - mean) @ basis)
    centroids, assigned = clusters(unit_rows(rows.astype(np.float32)))
    order = np.argsort(assigned, kind="stable")  # the rows grouped by cluster
    np.savez_compressed(
        out,
        vectors=rows[order],
        fallback=np.array(fallback, dtype=bool)[order],
        sources=np.array(sources, dtype=np.uint16)[order],
        positions=np.array(positions, dtype=np.uint32)[order],
        names=np.array(names),
        mean=mean,
        basis=basis,
        centroids=centroids,
        offsets=np.searchsorted(assigned[order], np.arange(len(centroids) + 1)),
        embedder_id=np.array(bot.embedder.id),
    )
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


def rates(predicted: list[bool], expected: list[bool]) -> str:
    """Fallback recall / precision."""
    hits = sum(p and e for p, e in zip(predicted, expected, strict=True))
    return f"{hits / max(1, sum(expected)):.3f}/{hits / max(1, sum(predicted)):.3f}"


def measure(paths: list[Path]) -> int:
    """Each set without and with the vote, side by side, per language."""
    from bot.assistant import Bot

    bot = Bot()
    answerer = bot.answerer
    exemplars = answerer.exemplars
    if exemplars is None:
        print("error: no exemplars for this embedder (build them first)", file=sys.stderr)
        return 2
    print("set             lang  recall/precision without vote   with vote   changed")
    for path in paths:
        questions = load_questions(path)
        answerer.exemplars = None  # (this tool's own Bot, asked from this thread only)
        without = [bot.ask(q.question).fallback for q in questions]
        answerer.exemplars = exemplars
        with bot.leaving_out(path.stem):
            voted = [bot.ask(q.question).fallback for q in questions]
        for lang in ("zh", "en"):
            rows = [i for i, q in enumerate(questions) if q.lang == lang]
            if not rows:
                continue
            expected = [questions[i].fallback for i in rows]
            before, after = [without[i] for i in rows], [voted[i] for i in rows]
            changed = sum(b != a for b, a in zip(before, after, strict=True))
            line = f"{path.stem:15s} {lang}    {rates(before, expected):>22s}   {rates(after, expected):>11s}"
            print(f"{line}   {changed}")
    return 0


def agreement(cache_path: Path, sample: int) -> int:
    """How often the vote within the nearest clusters decides as the vote over every row would, on `sample`
    labelled questions (each with its own set left out)."""
    import random

    from bot.answer.exemplars import Exemplars
    from bot.answer.judge import Thresholds

    exemplars = Exemplars.load()
    if exemplars is None or not cache_path.is_file():
        print("error: build the exemplars first", file=sys.stderr)
        return 2
    with np.load(cache_path, allow_pickle=False) as data:
        cached = dict(zip((str(k) for k in data["keys"]), data["vectors"], strict=True))
    from bot.assistant import Bot

    answerer = Bot().answerer
    rows = [(path.stem, q.question) for path in labelled_sets() for q in load_questions(path)]
    t = Thresholds()
    same, differ = 0, 0
    for name, text in random.Random(0).sample(rows, sample):
        vector = cached.get(key(answerer.dense_input(text)))
        if vector is None:
            continue
        fast = exemplars.vote(vector, frozenset({name}))
        full = exemplars.vote(vector, frozenset({name}), exact=True)
        if fast is None or full is None:
            continue
        if (fast.near >= t.exemplar_decline) == (full.near >= t.exemplar_decline):
            same += 1
        else:
            differ += 1
    print(f"decline or not: the same on {same} of {same + differ} ({same / max(1, same + differ):.4f})")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a command; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.exemplars", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    built = commands.add_parser("build", help="write bot/data/exemplars.npz")
    built.add_argument("--cache", type=Path, default=CACHE, help="vectors already computed (default: %(default)s)")
    measured = commands.add_parser("measure", help="each set without and with the vote")
    measured.add_argument("questions", type=Path, nargs="+", help="JSONL sets (the eval format)")
    agreed = commands.add_parser("agreement", help="the clustered vote against the vote over every row")
    agreed.add_argument("--cache", type=Path, default=CACHE, help="the vectors of the build (default: %(default)s)")
    agreed.add_argument("--sample", type=int, default=3000, help="questions compared (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "build":
        from bot.answer.exemplars import DEFAULT_PATH

        return build(args.cache, DEFAULT_PATH)
    if args.command == "agreement":
        return agreement(args.cache, args.sample)
    return measure(args.questions)


if __name__ == "__main__":
    sys.exit(main())
