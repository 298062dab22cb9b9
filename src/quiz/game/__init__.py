"""Pure round logic: choosing questions, grading, scoring, lifelines, the round's state.

Nothing here does I/O or reads the clock (elapsed times are passed in), and
nothing imports the terminal, the CLI or the score store, so the rules of the
game are tested without any of them.
"""
