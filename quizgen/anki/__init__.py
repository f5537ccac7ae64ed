"""Anki export: note types with frozen ids, questions as notes, reproducible packages.

``notetypes`` holds the note types, ``notes`` turns questions into notes,
``timeline`` draws a Timeline card's back, ``html`` escapes content for Anki,
``package`` writes the .apkg file, and ``export`` puts them together.
"""
