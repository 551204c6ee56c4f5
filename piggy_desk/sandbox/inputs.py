"""Reading request input the way Piggy's Laravel back end does, and checking it field by field."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.requests import Request

from piggy_desk.sandbox.errors import INVALID_INPUT, PiggyError, invalid_input
from piggy_desk.sandbox.state import AttributeValue

_N = TypeVar("_N", int, float)

MAX_BODY_BYTES = 1024 * 1024
MAX_FIELDS = 1000
# Field errors reported at most for one body, however many bad values it holds.
MAX_FIELD_ERRORS = 100
# Piggy's columns are MySQL INTs; anything larger would also overflow date arithmetic.
MAX_INTEGER = 2_147_483_647

_NOT_FINITE = "The {field} field must be a finite number."
_NOT_TEXT = "The {field} field must be valid text (it holds half a UTF-16 surrogate pair)."

_INTEGER_TEXT = re.compile(r"[+-]?[0-9]{1,18}")
_NUMBER_TEXT = re.compile(r"[+-]?[0-9]{1,18}(\.[0-9]{1,18})?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
# `custom_attributes[plu]=ABC12` or `items[]=1`, as PHP clients post nested fields.
_NESTED_FORM_KEY = re.compile(r"([^\[\]]+)\[([^\[\]]*)\]")
# Half of a UTF-16 pair: JSON can escape one alone (`"\ud800"`), UTF-8 cannot carry it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


async def read_input(request: Request) -> dict[str, object]:
    """Return the query parameters merged with the JSON or form body, the body winning."""
    data = parse_form(request.url.query)
    body = await _read_body(request)
    if not body.strip():
        return data
    content_type = request.headers.get("content-type", "").lower()
    try:
        if "application/x-www-form-urlencoded" in content_type:
            data.update(parse_form(body.decode("utf-8")))
            return data
        parsed = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        # UnicodeDecodeError and JSONDecodeError are both ValueErrors.
        raise invalid_input("body", "The request body is not valid JSON or form data.") from None
    if not isinstance(parsed, dict):
        raise invalid_input("body", "The request body must be a JSON object.")
    _refuse_unwritable(parsed)
    data.update(parsed)
    return data


def parse_form(text: str) -> dict[str, object]:
    """Parse form-encoded fields, nesting `name[key]=value` and `name[]=value` like PHP."""
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise invalid_input("body", "Too many fields.") from None
    data: dict[str, object] = {}
    for key, value in pairs:
        nested = _NESTED_FORM_KEY.fullmatch(key)
        if nested is None:
            data[key] = value
            continue
        name, inner = nested.groups()
        if inner:
            container = data.get(name)
            if not isinstance(container, dict):
                container = data[name] = {}
            container[inner] = value
        else:
            items = data.get(name)
            if not isinstance(items, list):
                items = data[name] = []
            items.append(value)
    return data


class Fields:
    """Check request fields the way Laravel's validator does, collecting every error.

    Each method records an error and returns a stand-in value when the field is wrong,
    so one request reports all its mistakes at once; call `check()` before using any value.
    As in Laravel, an empty string counts as a missing field.
    """

    def __init__(self, data: Mapping[str, object]) -> None:
        self._data = data
        self._errors: dict[str, list[str]] = {}

    def check(self) -> None:
        """Raise a 1003 error with every field error found so far."""
        if self._errors:
            raise PiggyError(INVALID_INPUT, errors=self._errors)

    def fail(self, name: str, sentence: str) -> None:
        """Record an error found outside this class, such as a rule between two fields."""
        self._errors.setdefault(name, []).append(sentence)

    def text(self, name: str, *, min_length: int = 0, max_length: int = 255) -> str | None:
        """Return an optional string field; with `min_length` an empty string is an error."""
        value = self._data.get(name)
        if value is None or (value == "" and min_length == 0):
            return None
        if not isinstance(value, str):
            self.fail(name, f"The {_label(name)} field must be a string.")
            return None
        if _LONE_SURROGATE.search(value):
            self.fail(name, _NOT_TEXT.format(field=_label(name)))
            return None
        if len(value) < min_length:
            self.fail(name, f"The {_label(name)} field must be at least {min_length} characters.")
            return None
        if len(value) > max_length:
            self.fail(
                name, f"The {_label(name)} field must not be greater than {max_length} characters."
            )
            return None
        return value

    def required_text(self, name: str, *, max_length: int = 255) -> str:
        """Return a required string field."""
        if self._missing(name):
            return ""
        return self.text(name, max_length=max_length) or ""

    def integer(
        self, name: str, *, minimum: int | None = None, maximum: int | None = MAX_INTEGER
    ) -> int | None:
        """Return an optional integer field, given as a JSON integer or decimal digits."""
        number = self._converted(name, _as_integer, "an integer")
        if number is None:
            return None
        if minimum is not None and number < minimum:
            self.fail(name, f"The {_label(name)} field must be at least {minimum}.")
            return None
        if maximum is not None and number > maximum:
            self.fail(name, f"The {_label(name)} field must not be greater than {maximum}.")
            return None
        return number

    def required_integer(
        self, name: str, *, minimum: int | None = None, maximum: int | None = MAX_INTEGER
    ) -> int:
        """Return a required integer field."""
        if self._missing(name):
            return 0
        number = self.integer(name, minimum=minimum, maximum=maximum)
        return number if number is not None else 0

    def number(self, name: str, *, minimum: float = 0.0, maximum: float) -> float | None:
        """Return an optional number field (integer or decimal)."""
        number = self._converted(name, _as_number, "a number")
        if number is None:
            return None
        if not minimum <= number <= maximum:
            self.fail(
                name, f"The {_label(name)} field must be between {minimum:g} and {maximum:g}."
            )
            return None
        return number

    def required_number(self, name: str, *, minimum: float = 0.0, maximum: float) -> float:
        """Return a required number field."""
        if self._missing(name):
            return 0.0
        number = self.number(name, minimum=minimum, maximum=maximum)
        return number if number is not None else 0.0

    def boolean(self, name: str) -> bool | None:
        """Return an optional boolean field (JSON true/false, or 1/0/true/false as text)."""
        value = self._value(name)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("1", "true", "0", "false"):
            return value.lower() in ("1", "true")
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        self.fail(name, f"The {_label(name)} field must be true or false.")
        return None

    def choice(self, name: str, choices: Collection[str]) -> str | None:
        """Return an optional field that must be one of `choices`."""
        value = self._value(name)
        if value is None:
            return None
        if not isinstance(value, str) or value not in choices:
            self.fail(name, f"The selected {_label(name)} is invalid.")
            return None
        return value

    def required_choice(self, name: str, choices: Collection[str]) -> str:
        """Return a required field that must be one of `choices`."""
        if self._missing(name):
            return ""
        return self.choice(name, choices) or ""

    def required_email(self, name: str) -> str:
        """Return a required email address field."""
        email = self.required_text(name)
        if email and not _EMAIL.fullmatch(email):
            self.fail(name, f"The {_label(name)} field must be a valid email address.")
        return email

    def moment(self, name: str) -> datetime | None:
        """Return an optional ISO 8601 date field in UTC; a date without offset is UTC."""
        value = self._value(name)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                parsed = datetime.fromisoformat(value)
                if parsed.tzinfo is None:
                    parsed = parsed.replace(tzinfo=UTC)
                return parsed.astimezone(UTC)
            except (ValueError, OverflowError):
                pass
        self.fail(name, f"The {_label(name)} field must be a valid date.")
        return None

    def attributes(self, name: str) -> dict[str, AttributeValue]:
        """Return an optional object of custom attributes with plain values."""
        value = self._value(name)
        if value is None or value == []:
            return {}
        if not isinstance(value, dict):
            self.fail(name, f"The {_label(name)} field must be an array.")
            return {}
        attributes: dict[str, AttributeValue] = {}
        for key, item in value.items():
            if not isinstance(key, str) or _LONE_SURROGATE.search(key):
                # The key cannot go into the error either: the error must be writable.
                self.fail(name, f"The {_label(name)} field has a key that is not valid text.")
            elif isinstance(item, float) and not math.isfinite(item):
                self.fail(f"{name}.{key}", _NOT_FINITE.format(field=f"{name}.{key}"))
            elif isinstance(item, str) and _LONE_SURROGATE.search(item):
                self.fail(f"{name}.{key}", _NOT_TEXT.format(field=f"{name}.{key}"))
            elif item is None or isinstance(item, str | int | float | bool):
                attributes[key] = item
            else:
                self.fail(
                    f"{name}.{key}", f"The {name}.{key} field must be a string, number or boolean."
                )
        return attributes

    def _converted(self, name: str, convert: Callable[[object], _N | None], kind: str) -> _N | None:
        """The field as ``convert`` reads it; None when it is missing, and when ``convert``
        cannot read it, with the error that it must be ``kind``."""
        value = self._value(name)
        if value is None:
            return None
        converted = convert(value)
        if converted is None:
            self.fail(name, f"The {_label(name)} field must be {kind}.")
        return converted

    def _value(self, name: str) -> object | None:
        value = self._data.get(name)
        return None if value == "" else value

    def _missing(self, name: str) -> bool:
        if self._value(name) is None:
            self.fail(name, f"The {_label(name)} field is required.")
            return True
        return False


async def _read_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise HTTPException(413)
        chunks.append(chunk)
    return b"".join(chunks)


def _as_integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value):
        return int(value)
    return None


def _as_number(value: object) -> float | None:
    """Return a finite number; an integer too large for a float is no number either."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) else None
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        return float(value)
    return None


def _reject_constant(name: str) -> object:
    # NaN and Infinity are not JSON; Python would accept them and then fail to answer.
    raise ValueError(f"{name} is not valid JSON")


def _refuse_unwritable(body: dict[str, object]) -> None:
    """Refuse, with 1003, values that JSON parses but no JSON answer could carry.

    A number beyond a double's range (`1e999`) parses to infinity, and `"\\ud800"` to a
    string with a lone surrogate. Stored, either would make every later answer showing
    it fail, so nothing in a body may hold one, however deep. Each is named by its
    dotted path, as Laravel names nested fields; a bad key by the object holding it.
    """
    errors: dict[str, list[str]] = {}

    def fail(field: str, sentence: str) -> None:
        sentences = errors.setdefault(field, [])
        if sentence not in sentences:
            sentences.append(sentence)

    # A stack, not recursion: json.loads accepts nesting deeper than Python's call stack.
    pending: list[tuple[str, object]] = [("", body)]
    while pending and len(errors) < MAX_FIELD_ERRORS:
        path, value = pending.pop()
        field = path or "body"
        if isinstance(value, float) and not math.isfinite(value):
            fail(field, _NOT_FINITE.format(field=field))
        elif isinstance(value, str) and _LONE_SURROGATE.search(value):
            fail(field, _NOT_TEXT.format(field=field))
        elif isinstance(value, dict):
            for key, item in value.items():
                if _LONE_SURROGATE.search(key):
                    fail(field, f"The {field} field has a key that is not valid text.")
                else:
                    pending.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            pending.extend(
                (f"{path}.{index}" if path else str(index), item)
                for index, item in enumerate(value)
            )
    if errors:
        raise PiggyError(INVALID_INPUT, errors=errors)


def _label(name: str) -> str:
    return name.replace("_", " ")
