"""Hybrid retrieval: dense + BM25, fused per clause."""
