"""Answering: language, what the question asks, answerability, extractive composition, dialogue."""
