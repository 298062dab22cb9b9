"""quiz: a film trivia quiz for the terminal."""

__version__ = "0.1.0"
