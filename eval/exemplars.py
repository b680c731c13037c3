"""python -m eval.exemplars: can the question's embedding tell answerable from not?

Measured side by side, on the validation sets given: nearest labelled exemplars of the question bank
(eval/bank.jsonl, written from the policy alone, blind to every eval set) with k = 3, 5, 9 and two vote
thresholds, and a logistic regression on the same embeddings. Each is printed alone and OR-ed with the
judge's fallback. This is the measurement behind keeping neither in the judge (eval/README.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from eval.dataset import Question, load_questions

BANK = Path(__file__).resolve().parent / "bank.jsonl"


def scores(predicted: np.ndarray, expected: np.ndarray) -> str:
    """Fallback recall and precision of `predicted` against `expected`."""
    hits = int((predicted & expected).sum())
    return f"recall {hits / max(1, int(expected.sum())):.3f} precision {hits / max(1, int(predicted.sum())):.3f}"


def both(alone: np.ndarray, judged: np.ndarray, expected: np.ndarray) -> str:
    """The exemplars' scores alone and OR-ed with the judge's fallback."""
    return f"alone {scores(alone, expected)} | or judge {scores(alone | judged, expected)}"


def logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, rate: float = 0.5) -> np.ndarray:
    """Weights (bias last) of an L2-regularised logistic regression fitted by gradient descent."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        w -= rate * (x1.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0])
    return w


def main(argv: list[str] | None = None) -> int:
    """Print the table; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.exemplars", description=__doc__)
    parser.add_argument("questions", type=Path, nargs="+", help="JSONL validation sets (the eval format)")
    args = parser.parse_args(argv)
    from bot.assistant import Bot
    from bot.text import normalize

    bot = Bot()

    def embed(questions: list[Question]) -> np.ndarray:
        vectors = np.array([bot.embedder.embed_query_vector(normalize(q.question)) for q in questions])
        unit: np.ndarray = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return unit

    bank = load_questions(BANK)
    bank_x, bank_y = embed(bank), np.array([q.fallback for q in bank])
    weights = logistic(bank_x * 10, bank_y.astype(float))
    for path in args.questions:
        questions = load_questions(path)
        x, expected = embed(questions), np.array([q.fallback for q in questions])
        judged = np.array([bot.ask(q.question).fallback for q in questions])
        print(f"{path.name} ({len(questions)} questions, {int(expected.sum())} to fall back)")
        print(f"  judge alone                 {scores(judged, expected)}")
        nearest = np.argsort(-(x @ bank_x.T), axis=1)
        for k in (3, 5, 9):
            for vote in (0.5, 0.7):
                alone = bank_y[nearest[:, :k]].mean(axis=1) > vote
                print(f"  {k}-nearest, vote > {vote}:  {both(alone, judged, expected)}")
        p = 1 / (1 + np.exp(-(np.hstack([x * 10, np.ones((len(x), 1))]) @ weights)))
        for cut in (0.6, 0.8, 0.9):
            print(f"  logistic, p > {cut}:        {both(p > cut, judged, expected)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
