"""Settings that persist beside the progress: new cards a day, retention, theme, quiz length, keys.

Stored as a small TOML file (``config.toml``) a person can read and edit.
An unreadable file is reported and the defaults are used. A setting changed in
the app rewrites its own line only: the student's comments, other values and
even a value that could not be read stay as they were written.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

CONFIG_NAME = "config.toml"


@dataclass(frozen=True)
class Settings:
    new_per_day: int = 20
    desired_retention: float = 0.9
    theme: str = "textual-dark"
    quiz_length: int = 15
    keymap: dict[str, str] = field(default_factory=dict)

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)


class SettingsError(Exception):
    pass


_TABLE = re.compile(r"""\s*\[\[?\s*[\w"'.\- ]+\]\]?\s*(?:#.*)?$""")  # [keymap], not "  [1, 2],"
_TOML_PLACE = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
_TYPE_NAMES = {int: "a whole number", float: "a number", str: "text", dict: "a table of keys"}
_BOUNDS: dict[str, tuple[float, float]] = {
    "desired_retention": (0.7, 0.99),
    "quiz_length": (1, 500),
    "new_per_day": (0, 10_000),
}


def load_settings(folder: Path, notices: list[str] | None = None) -> Settings:
    """Read ``config.toml``; a file TOML cannot read raises SettingsError at its line. A wrong value
    keeps its setting's default and the rest of the file is used (one typo once threw away every
    setting, and the problems showed one at a time); a key no setting has (a misspelt
    ``new_per_dya``) is ignored. Each is said in ``notices``, at its line: else the student's
    change would silently do nothing."""
    path = folder / CONFIG_NAME
    if not path.exists():
        return Settings()
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM, as some editors save it, is no statement
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise SettingsError(f"{path}:1:1: this is not UTF-8 text (save it as UTF-8)") from None
    except tomllib.TOMLDecodeError as error:  # "Invalid value (at line 2, column 15)"
        where = _TOML_PLACE.search(str(error))
        if where is None:
            raise SettingsError(f"{path}: {error}") from None
        message = str(error)[: where.start()].rstrip()
        raise SettingsError(f"{path}:{where['line']}:{where['column']}: {message}") from None
    except OSError as error:
        raise SettingsError(f"{path}: {error.strerror or error}") from None
    defaults = Settings()
    values: dict[str, object] = {}
    found: list[str] = []
    for spec in fields(Settings):
        if spec.name not in data:
            continue
        value, default = data[spec.name], getattr(defaults, spec.name)
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(default, dict) and isinstance(value, dict):
            values[spec.name] = _keymap(path, text, value, found)
            continue
        problem = _problem(spec.name, value, default)
        if problem is None:
            values[spec.name] = value
        else:
            found.append(
                f"{_place(path, text, spec.name)}: {problem}; the default, {_toml(default)}, is used"
            )
    found.extend(_unknown(path, text, data))
    if notices is not None:
        notices.extend(found)
    return replace(defaults, **values)


def _problem(name: str, value: object, default: object) -> str | None:
    """What is wrong with a setting's value, or None."""
    if type(value) is not type(default):
        return f"{name} should be {_TYPE_NAMES[type(default)]}"
    low, high = _BOUNDS.get(name, (-math.inf, math.inf))
    if isinstance(value, (int, float)) and not low <= value <= high:
        return f"{name} should be between {low} and {high}"
    return None


def _keymap(path: Path, text: str, table: dict[str, object], found: list[str]) -> dict[str, str]:
    """The keys that are text; any other is said at its line and left out."""
    keymap = {}
    for binding_id, key in table.items():
        if isinstance(key, str):
            keymap[binding_id] = key
        else:
            found.append(
                f"{_place(path, text, binding_id)}: the key of {binding_id!r} should be text; it was ignored"
            )
    return keymap


def setting_place(folder: Path, key: str) -> str:
    """``path:line:column`` of a setting (or a keymap id) in the student's file, for a notice the
    app gives once it knows what the value means (a theme no one has)."""
    path = folder / CONFIG_NAME
    try:
        return _place(path, path.read_text(encoding="utf-8-sig"), key)
    except (OSError, UnicodeDecodeError):
        return str(path)


def _unknown(path: Path, text: str, data: dict[str, object]) -> list[str]:
    known = [spec.name for spec in fields(Settings)]
    found = []
    for key in data:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else f" (the settings are {', '.join(known)})"
        found.append(f"{_place(path, text, key)}: no setting is called {key!r}{hint}; it was ignored")
    return found


def _place(path: Path, text: str, key: str) -> str:
    """``path:line:column`` of the key's assignment, so the student can go straight to it."""
    assignment = _assignment(key)
    table = re.compile(rf"""\[\s*(["']?){re.escape(key)}\1\s*\]""")  # "[keymap]"
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if assignment.match(stripped) or table.match(stripped):
            return f"{path}:{number}:{len(line) - len(stripped) + 1}"
    return str(path)


def _assignment(key: str) -> re.Pattern[str]:
    """``key =`` at the start of a line, the key bare or quoted as TOML allows."""
    return re.compile(rf"""\s*(["']?){re.escape(key)}\1\s*=""")


def save_setting(folder: Path, name: str, value: str | int | float) -> None:
    """Set one top-level setting in the student's file, leaving every other line as written;
    without a file, write one that lists every setting. Atomic: a crash never leaves half a file."""
    path = folder / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        save_settings(folder, replace(Settings(), **{name: value}))
        return
    except UnicodeDecodeError:
        raise SettingsError(f"{path} is not UTF-8 text; it was left as it is") from None
    assignment = f"{name} = {_toml(value)}\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    top_level = next((i for i, line in enumerate(lines) if _TABLE.match(line)), len(lines))
    setting = _assignment(name)
    found = next((i for i in range(top_level) if setting.match(lines[i])), None)
    if found is None:
        lines.insert(top_level, assignment)
    else:
        lines[found] = assignment
    changed = "".join(lines)
    if not _sets_only(text, changed, name, value):  # a layout this line edit misreads: never risk the file
        raise SettingsError(f"{path}: {name} could not be set in this file; set it there by hand")
    _write_atomically(path, changed)


def _sets_only(before: str, after: str, name: str, value: object) -> bool:
    """Whether ``after`` reads as ``before`` with ``name`` set to ``value`` and nothing else changed.
    A file that could not be read before cannot be compared: its one line changed, the rest stays
    as the student wrote it, to be mended by hand."""
    try:
        old = tomllib.loads(before)
    except tomllib.TOMLDecodeError:
        return True
    try:
        new = tomllib.loads(after)
    except tomllib.TOMLDecodeError:
        return False
    old[name] = value
    return new == old


def save_settings(folder: Path, settings: Settings) -> None:
    """Write every setting to a new file, atomically: a crash never leaves half a config file."""
    lines = []
    for name, value in asdict(settings).items():
        if isinstance(value, dict):
            continue
        lines.append(f"{name} = {_toml(value)}")
    lines.append("")
    lines.append('[keymap]  # binding id = key, for example: "quiz.next" = "n"')
    lines += [f"{_toml(k)} = {_toml(v)}" for k, v in sorted(settings.keymap.items())]
    _write_atomically(folder / CONFIG_NAME, "\n".join(lines) + "\n")


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
