"""The vector index (Chroma) and what goes into it."""
