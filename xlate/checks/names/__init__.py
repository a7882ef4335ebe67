"""Names: extraction, cross-script matching, the name check and document consistency.

Callers outside this package import from here; the modules inside may move.
"""

from xlate.checks.names.aliases import alias_keys, groups_in, groups_of
from xlate.checks.names.core import (
    NameMention,
    check_names,
    extract_names,
    find_name,
    inconsistent_renderings,
)

__all__ = [
    "NameMention",
    "alias_keys",
    "check_names",
    "extract_names",
    "find_name",
    "groups_in",
    "groups_of",
    "inconsistent_renderings",
]
