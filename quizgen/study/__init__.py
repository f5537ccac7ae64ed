"""Studying: the progress store, fsrs scheduling, sessions as pure state, settings and stats."""
