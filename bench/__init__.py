"""Benchmarks of the assistant, each figure measured in the same run beside its reference.

    python -m bench [--only warm,cold,imports,http,recipe] [--duration 10] [--levels 1,8,32]

Prints a table with a pass/fail column against the targets (bench.figures.TARGETS) and writes
the figures as JSON to bench/results/latest.json. See bench/results/README.md for what each one means.
"""
