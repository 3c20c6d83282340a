"""Reading reports: sections, cited sources, claim extraction, value normalisation, the bilingual
lexicon, grouping the same claim across reports. Pure functions, no I/O, no imports of our other
packages.
"""

from claims.errors import ClaimledgerError, ReportError
from claims.model import ExtractedClaim, ParsedReport, Section, SourceRef, Value

__all__ = [
    "ClaimledgerError",
    "ReportError",
    "ExtractedClaim",
    "ParsedReport",
    "Section",
    "SourceRef",
    "Value",
]
