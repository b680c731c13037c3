"""The WeChat Official Account platform's message protocol, as it publishes it: signatures, and the encrypted
("safe") mode's AES-256-CBC envelope. A small implementation on `cryptography` rather than `wechatpy`: the
protocol is four functions, and the library would add a second HTTP stack and unmaintained dependencies.

- Server verification and plain messages: signature = sha1 of the sorted, concatenated token, timestamp, nonce.
- Encrypted mode: msg_signature = sha1 of the sorted token, timestamp, nonce and the encrypted text; the AES
  key is the 43-character EncodingAESKey + "=" in base64 (32 bytes), the IV its first 16 bytes; the plain text
  is 16 random bytes, the message's length (4 bytes, network order), the message, then the AppID, padded
  PKCS#7-style to a multiple of 32 bytes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 32


class WeChatCryptoError(ValueError):
    """An encrypted message that does not open: bad key, bad padding, or another AppID's."""


def signature(*parts: str) -> str:
    """sha1 of the sorted, concatenated parts (token, timestamp, nonce[, encrypted text])."""
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def signed(expected: str, *parts: str) -> bool:
    """True when `expected` is the signature of `parts` (compared in constant time)."""
    return hmac.compare_digest(expected.encode(), signature(*parts).encode())


def aes_key(encoding_aes_key: str) -> bytes:
    """The 32-byte AES key of a 43-character EncodingAESKey."""
    try:
        key = base64.b64decode(encoding_aes_key + "=")
    except ValueError as exc:
        raise WeChatCryptoError("BOT_WECHAT_AES_KEY is not base64") from exc
    if len(key) != 32:
        raise WeChatCryptoError("BOT_WECHAT_AES_KEY must be the 43 characters the platform gives")
    return key


def encrypt(message: str, key: bytes, app_id: str, random: bytes | None = None) -> str:
    """The Encrypt text of `message` for `app_id` (base64)."""
    body = message.encode()
    plain = (random or os.urandom(16)) + struct.pack(">I", len(body)) + body + app_id.encode()
    pad = BLOCK - len(plain) % BLOCK
    plain += bytes([pad]) * pad
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode()


def decrypt(encrypted: str, key: bytes, app_id: str) -> str:
    """The message inside an Encrypt text; WeChatCryptoError when it does not open or is another AppID's."""
    try:
        data = base64.b64decode(encrypted, validate=True)
    except ValueError as exc:
        raise WeChatCryptoError("the encrypted message is not base64") from exc
    if not data or len(data) % 16:
        raise WeChatCryptoError("the encrypted message has a wrong length")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = decryptor.update(data) + decryptor.finalize()
    pad = plain[-1]
    if not 1 <= pad <= BLOCK or plain[-pad:] != bytes([pad]) * pad:
        raise WeChatCryptoError("the encrypted message does not open with this key")
    plain = plain[:-pad]
    if len(plain) < 20:
        raise WeChatCryptoError("the encrypted message is too short")
    (length,) = struct.unpack(">I", plain[16:20])
    message, sender = plain[20 : 20 + length], plain[20 + length :]
    if len(message) != length or sender.decode(errors="replace") != app_id:
        raise WeChatCryptoError("the encrypted message is not for this AppID")
    return message.decode(errors="replace")
