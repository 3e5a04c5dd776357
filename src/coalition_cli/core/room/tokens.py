"""The secrets of a room session: the join link, the presenter link, and the key that signs devices.

They live in `spring-2026.room-secrets.json` beside the assessment, readable by its owner only
(mode 0600), and are made once per session with the `secrets` module. Keeping them means a restarted
server (after a crash, or a closed laptop) answers the same join link and the same phones: nobody
scans the code again, and each phone keeps its one live vote per indicator. The journal holds no
secret, so it can be kept (or committed) with the assessment; this file should not be.

- The **join token** (128 random bits) is in the join link and its QR code: anyone in the room has it.
  Someone who types it from the projector may type it in any case, and `0` for `O` or `1` for `I`
  (base32 has no 0 or 1, so each reading is the same token: nothing is guessed, no entropy is lost).
- The **facilitator token** (another 128 bits, unrelated) is in the presenter link only.
- A **device** is a random pseudonym signed with the session's key (HMAC-SHA256), given to a phone
  in a cookie when it joins: a device cannot be forged or borrowed without the key, and the
  pseudonym is all the journal records about who voted.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict
from pathlib import Path

from coalition_cli.core.errors import ReadError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.room.records import DEVICE_PATTERN

SECRETS_SUFFIX = ".room-secrets.json"
TOKEN_LENGTH = 26
"""128 bits in base32 without its padding."""
BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_MISREAD = str.maketrans("01", "OI")


def secrets_path(assessment: Path) -> Path:
    return assessment.with_name(assessment.stem + SECRETS_SUFFIX)


def _token() -> str:
    """128 random bits in base32 capitals: short in a QR code (alphanumeric mode) and safe in a URL."""
    return base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")


def typed_token(text: str) -> str:
    """A token as a person typed it, read as the base32 it can only mean: capitals, O for 0, I for 1."""
    return text.upper().translate(_MISREAD)


def token_shaped(text: str) -> bool:
    """Whether `text` (as typed) has a token's form: 26 base32 characters. Says nothing about which token."""
    typed = typed_token(text)
    return len(typed) == TOKEN_LENGTH and BASE32.issuperset(typed)


@frozen
class RoomSecrets:
    """The room's tokens: the join code for phones, the facilitator's, and the key that signs a phone's device
    id."""

    join: str
    facilitator: str
    device_key: str

    @classmethod
    def new(cls) -> RoomSecrets:
        return cls(_token(), _token(), secrets.token_hex(32))

    def is_join(self, token: str) -> bool:
        """Whether `token`, as typed (`typed_token`), is the join token; compared in constant time."""
        return hmac.compare_digest(typed_token(token).encode(), self.join.encode())

    def is_facilitator(self, token: str) -> bool:
        return hmac.compare_digest(typed_token(token).encode(), self.facilitator.encode())

    def _sign(self, purpose: str, value: str) -> str:
        digest = hmac.new(bytes.fromhex(self.device_key), f"{purpose}:{value}".encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(digest.digest()[:18]).decode("ascii")

    def new_device(self) -> tuple[str, str]:
        """A fresh device pseudonym and the cookie that proves it: `pseudonym.signature`."""
        device = secrets.token_urlsafe(12)
        return device, f"{device}.{self._sign('device', device)}"

    def device_from(self, cookie: str | None) -> str | None:
        """The device a cookie proves, or None for a missing, malformed or forged one."""
        if not cookie or len(cookie) > 128 or "." not in cookie:
            return None
        device, _, signature = cookie.partition(".")
        if not DEVICE_PATTERN.fullmatch(device):
            return None
        return device if hmac.compare_digest(signature, self._sign("device", device)) else None

    def presenter_cookie(self) -> str:
        """The presenter's cookie: derived from the facilitator token, never the token itself."""
        return self._sign("presenter", self.facilitator)

    def is_presenter(self, cookie: str | None) -> bool:
        return bool(cookie) and hmac.compare_digest(str(cookie), self.presenter_cookie())


def load_or_create_secrets(assessment: Path) -> tuple[RoomSecrets, bool]:
    """The session's secrets, made (and saved, owner-only) the first time; True when new."""
    path = secrets_path(assessment)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = RoomSecrets(**{key: str(data[key]) for key in ("join", "facilitator", "device_key")})
        bytes.fromhex(found.device_key)
        return found, False
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ReadError(
            f"cannot read the room's secrets in {path} ({error})",
            hint="delete that file to start with new links (phones then scan the new code)",
        ) from None
    made = RoomSecrets.new()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another server made them a moment ago: use theirs
        return load_or_create_secrets(assessment)
    except OSError as error:
        raise ReadError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        os.write(fd, (json.dumps(asdict(made), indent=2) + "\n").encode("ascii"))
        os.fsync(fd)
    except OSError as error:
        with contextlib.suppress(OSError):
            path.unlink()
        raise ReadError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        os.close(fd)
    return made, True
