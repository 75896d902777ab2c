"""The seal of a return form: what binds the form to the data file, plan, unit, period
and tasks it was made for, so that a change to any of them is found when it comes back.

The form's hidden sheet says whom and what it is for; anyone can edit it in Excel. The
seal is an HMAC-SHA256 over a canonical serialisation of that identity, keyed by a
random secret kept in the data file (table `file_secret`) and never written into a
form. Without the key, no edit of the hidden sheet (another unit, another period, more
task ids) can be given a matching seal, and a form made from another data file (another
key) does not match either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import date

from dienchau_desktop.core.text import NON_CHARACTERS_RE

#: Bytes of the key; hex-encoded where it is stored.
KEY_BYTES = 32


def new_key() -> str:
    """A fresh random key, hex-encoded."""
    return secrets.token_hex(KEY_BYTES)


def new_file_id() -> str:
    """A fresh random id naming one data file (written into its forms, not secret)."""
    return secrets.token_hex(16)


def title_key(title: str) -> str:
    """A short fingerprint of a task's title as the form showed it: the same text,
    whatever its Unicode composition, gives the same key."""
    text = unicodedata.normalize("NFC", title)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


#: What a worksheet cannot hold, so never reaches a form (reports.xlsx drops it).
_UNWRITABLE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f]|{NON_CHARACTERS_RE.pattern}")


def squeezed(text: str) -> str:
    """Text as compared: NFC, runs of white space as one space, none at the ends (a
    plan numbered later is "   /KH-UBND", and a cell read back may lose its spaces),
    without what a cell cannot hold (an old data file's U+FFFF is dropped on export)."""
    return " ".join(_UNWRITABLE.sub("", unicodedata.normalize("NFC", text)).split())


@dataclass(frozen=True, slots=True)
class FormIdentity:
    """Everything a return form is for, as its hidden sheet writes it."""

    file_id: str
    plan_id: int
    plan_reference: str
    unit_id: int
    unit: str
    period_id: int
    period_start: date
    period_cutoff: date
    made_at: str
    #: (task id, title_key of its title as sent), in the form's order.
    tasks: tuple[tuple[int, str], ...]


def canonical(identity: FormIdentity) -> bytes:
    """One byte string for one identity: fixed keys and order, NFC text, no spaces."""

    def nfc(text: str) -> str:
        return squeezed(text)

    document = {
        "file_id": identity.file_id,
        "made_at": identity.made_at,
        "period": [identity.period_id, identity.period_start.isoformat(),
                   identity.period_cutoff.isoformat()],
        "plan": [identity.plan_id, nfc(identity.plan_reference)],
        "tasks": [[task_id, key] for task_id, key in identity.tasks],
        "unit": [identity.unit_id, nfc(identity.unit)],
        "what": "dienchau-return-form/2",
    }  # fmt: skip
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def seal(key: str, identity: FormIdentity) -> str:
    """The form's seal under `key` (hex), as written in its hidden sheet."""
    return hmac.new(bytes.fromhex(key), canonical(identity), hashlib.sha256).hexdigest()


def is_sealed_by(key: str, identity: FormIdentity, signature: str) -> bool:
    """The identity is exactly what a form sealed with `key` said (constant-time)."""
    sent = signature.strip().lower().encode("utf-8", "replace")
    return hmac.compare_digest(seal(key, identity).encode(), sent)
