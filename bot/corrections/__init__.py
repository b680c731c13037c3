"""Staff corrections: stored, matched to questions and their rewordings, and applied to answers."""
