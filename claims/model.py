"""Plain data types that flow out of ``claims``: parsed reports, sections, cited sources, values, claims.

They are frozen dataclasses with no behaviour beyond small helpers, so that storage, the verifier and
tests can build and compare them freely. All offsets are character offsets into the report text as
read by ``Path.read_text(encoding="utf-8")``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal

__all__ = [
    "ClaimKind",
    "SectionKind",
    "Qualifier",
    "Value",
    "SourceRef",
    "Section",
    "ParsedReport",
    "ExtractedClaim",
]

ClaimKind = Literal["money", "percent", "count", "date", "version", "fact"]
SectionKind = Literal["event", "social", "research", "summary", "references", "other"]
# "=" exact, ">=" at least (超过/over), ">" strictly more, "~" about, "<" under, "<=" up to
Qualifier = Literal["=", ">=", ">", "~", "<", "<="]


def _dict_init(cls: type) -> type:
    """Give the frozen dataclass ``cls`` an ``__init__`` that fills the instance dict in one update.

    The generated one of a frozen dataclass sets each field with its own ``object.__setattr__``
    call; extraction builds two of these objects per claim, and one update is twice as fast. Same
    signature and defaults, same object (fields, equality, hash, repr, ``replace``); still frozen."""
    params, names, scope = [], [], {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields and defaults")
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        names.append(f.name)
    source = (
        f"def __init__(self, {', '.join(params)}):\n"
        f"    self.__dict__.update({', '.join(f'{n}={n}' for n in names)})\n"
    )
    exec(source, scope)  # noqa: S102 - built from the field names only, as dataclasses itself does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls



@_dict_init
@dataclass(frozen=True)
class Value:
    """One normalised value read from text.

    ``value`` is a float for quantities (money in units of ``unit``'s currency, percent as the percent
    number, counts as plain numbers), an ISO date string (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY``
    when only that much was written) for dates, and a normalised string for versions and names.
    ``unit`` is an ISO currency code (USD, JPY, EUR, CNY), ``percent``, ``date``, ``version``,
    a measure such as ``GW``/``mm``/``s``/``x``/``tokens``/``users``, or None for a bare number.
    ``precision`` is the size of the last digit the writer gave, in the same scale as ``value``
    ("约 90 亿" → 1e8; "1.6 万亿" → 1e11), used to compare within the writer's precision.
    ``noun`` is the word the number counts when one is next to it (模型, benchmarks, 漏洞, users…),
    normalised to English where the lexicon knows it.
    """

    raw: str
    value: float | str
    unit: str | None
    qualifier: Qualifier = "="
    start: int = 0
    end: int = 0
    kind: ClaimKind = "count"
    precision: float | None = None
    noun: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The fields as a dict (what ``asdict`` gives for these plain fields, without its deep copy):
        a copy of the instance dict, which holds exactly the fields in their order (``_dict_init``;
        frozen, nothing else is ever set on it)."""
        fields_ = self.__dict__
        if len(fields_) == _VALUE_FIELDS:
            return dict(fields_)
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Value:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def many_from_json(cls, raw: Iterable[object]) -> tuple[Value, ...]:
        """The values of a stored JSON list; entries that are not a value's fields are skipped."""
        out = []
        for v in raw:
            if isinstance(v, dict):
                try:
                    out.append(cls.from_json(v))
                except TypeError:
                    continue
        return tuple(out)


_VALUE_FIELDS = len(Value.__dataclass_fields__)


@dataclass(frozen=True)
class SourceRef:
    """A source a section cites, as written. Malformed ones are kept with ``url=None``."""

    raw: str
    url: str | None
    malformed: bool = False
    label: str = ""
    ref_number: int | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Section:
    order: int
    heading: str
    kind: SectionKind
    start: int
    end: int
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class ParsedReport:
    name: str
    text: str
    title: str
    date: dt.date | None
    language: str
    sections: tuple[Section, ...] = ()
    references: tuple[SourceRef, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)


@_dict_init
@dataclass(frozen=True)
class ExtractedClaim:
    """One atomic claim: exactly one key value (``values[0]`` for numeric kinds) in its sentence."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    key_text: str
    kind: ClaimKind
    section_order: int
    values: tuple[Value, ...] = ()
    entities: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    checkworthy: bool = True
    # the name a sentence opening on a description ("The model …", 该公司…) speaks of (claims.antecedents)
    antecedent: str = ""
