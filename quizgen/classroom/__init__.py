"""Teachers' formats: a printed test with versions and keys, and files for Moodle, Canvas, Kahoot and Quizlet.

One module a format (``moodle``, ``gift``, ``qti``, ``kahoot``, ``quizlet``;
``paper`` and ``printable`` for the printed test), each a pure function from
the engine's questions to bytes plus notes saying what the format could not
carry. ``formats`` lists them for ``quizgen export``; ``quizgen print`` uses
``paper`` and ``printable``. Nothing here imports Textual.
"""
