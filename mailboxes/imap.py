"""A small IMAP client on the standard library's imaplib: connect with timeouts, list the
folder's messages, fetch one without marking it read, move it to another folder."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

DEFAULT_PORTS = {"imaps": 993, "imap": 143}
_SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")
_LIST_RE = re.compile(rb'^\((?P<flags>[^)]*)\) (?:"(?P<delim>[^"]*)"|NIL) (?P<name>.+)$')


class MailboxUnavailable(Exception):
    """The mailbox could not be reached, logged into or read; the message says which."""


@dataclass(frozen=True)
class MailboxAddress:
    use_tls: bool
    host: str
    port: int
    username: str
    password: str
    folder: str = "INBOX"

    def url(self) -> str:
        """Return imaps://user@host:port/FOLDER, without the password."""
        scheme = "imaps" if self.use_tls else "imap"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (
            f"{scheme}://{quote(self.username, safe='')}@{host}:{self.port}/"
            f"{quote(self.folder, safe='/')}"
        )


def parse_mailbox_url(url: str) -> MailboxAddress:
    """Return the MailboxAddress of imaps://user:password@host:port/FOLDER (or imap://).

    User and password are percent-decoded (write @ as %40). The port defaults to 993 for
    imaps and 143 for imap; the folder to INBOX. Raises ValueError saying what is wrong.
    """
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"is not a mailbox address ({exc})") from None
    scheme = parts.scheme.casefold()
    if scheme not in DEFAULT_PORTS:
        raise ValueError("must start with imaps:// (or imap:// for a local test server)")
    if not parts.hostname:
        raise ValueError("names no server: imaps://user:password@host/INBOX")
    if not parts.username:
        raise ValueError("names no user: imaps://user:password@host/INBOX")
    if parts.query or parts.fragment:
        raise ValueError("must not have ? or # parts")
    folder = unquote(parts.path.strip("/")) or "INBOX"
    return MailboxAddress(
        use_tls=scheme == "imaps",
        host=parts.hostname,
        port=port or DEFAULT_PORTS[scheme],
        username=unquote(parts.username),
        password=unquote(parts.password or ""),
        folder=folder,
    )


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


class ImapSession:
    """One logged-in connection with `folder` selected for reading and writing.

    Use as a context manager. Every failure of the network, the TLS handshake, the
    login or a command is raised as MailboxUnavailable with the server's words.
    """

    def __init__(self, address: MailboxAddress, *, timeout: float) -> None:
        self.address = address
        self.timeout = timeout
        self._imap: imaplib.IMAP4 | None = None
        self._delimiter = "/"
        self._created: set[str] = set()
        self._capabilities: set[str] = set()

    def __enter__(self) -> ImapSession:
        address = self.address
        try:
            if address.use_tls:
                self._imap = imaplib.IMAP4_SSL(
                    address.host,
                    address.port,
                    ssl_context=ssl.create_default_context(),
                    timeout=self.timeout,
                )
            else:
                self._imap = imaplib.IMAP4(address.host, address.port, timeout=self.timeout)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise MailboxUnavailable(
                f"cannot connect to {address.host}:{address.port}: {exc}"
            ) from exc
        try:
            self._imap.login(address.username, address.password)
        except imaplib.IMAP4.error as exc:
            self._close()
            raise MailboxUnavailable(f"the server refused the login: {_text(exc)}") from exc
        except OSError as exc:
            self._close()
            raise MailboxUnavailable(f"the connection failed during login: {exc}") from exc
        # Servers announce more after login (MOVE, UIDPLUS) than imaplib saw on connect.
        _typ, data = self._call("capability")
        self._capabilities = set(_text(data[-1] or b"").upper().split()) | set(
            self._imap.capabilities
        )
        self._delimiter = self._find_delimiter()
        typ, data = self._call("select", _quoted(address.folder))
        if typ != "OK":
            self._close()
            raise MailboxUnavailable(
                f"the folder {address.folder} cannot be opened: {_text(data[0])}"
            )
        return self

    def __exit__(self, *exc_info) -> None:
        self._close()

    def _close(self) -> None:
        if self._imap is None:
            return
        try:
            self._imap.logout()
        except (OSError, imaplib.IMAP4.error):
            with contextlib.suppress(OSError):
                self._imap.shutdown()
        self._imap = None

    def _call(self, command: str, *args):
        assert self._imap is not None
        try:
            return getattr(self._imap, command)(*args)
        except (OSError, imaplib.IMAP4.error) as exc:
            name = f"UID {args[0]}" if command == "uid" else command.upper()
            why = re.sub(r"^command: \S+ => ", "", _text(exc))
            raise MailboxUnavailable(f"the connection failed during {name}: {why}") from exc

    def _find_delimiter(self) -> str:
        _typ, data = self._call("list", '""', '""')
        for line in data or []:
            match = _LIST_RE.match(line) if isinstance(line, bytes) else None
            if match and match.group("delim"):
                return match.group("delim").decode()
        return "/"

    def folder_name(self, path: tuple[str, ...]) -> str:
        """Return the server's name of a folder given as parts, e.g. ("Vouch", "Processed")."""
        return self._delimiter.join(path)

    def uids(self, limit: int) -> list[bytes]:
        """Return up to `limit` UIDs of the selected folder, oldest first."""
        typ, data = self._call("uid", "SEARCH", None, "ALL")
        if typ != "OK":
            raise MailboxUnavailable(f"the server refused SEARCH: {_text(data[0])}")
        return (data[0] or b"").split()[:limit]

    def size(self, uid: bytes) -> int | None:
        """Return the size in bytes of message `uid`; None if it has gone."""
        typ, data = self._call("uid", "FETCH", uid, "(RFC822.SIZE)")
        if typ != "OK":
            raise MailboxUnavailable(f"the server refused FETCH: {_text(data[0])}")
        for item in data or []:
            match = _SIZE_RE.search(item if isinstance(item, bytes) else b"")
            if match:
                return int(match.group(1))
        return None

    def fetch_header(self, uid: bytes) -> bytes | None:
        """Return the header of message `uid` without setting \\Seen; None if it has gone."""
        return self._fetch(uid, "(BODY.PEEK[HEADER])")

    def fetch(self, uid: bytes) -> bytes | None:
        """Return the raw message `uid` without setting \\Seen; None if it has gone."""
        return self._fetch(uid, "(BODY.PEEK[])")

    def _fetch(self, uid: bytes, what: str) -> bytes | None:
        typ, data = self._call("uid", "FETCH", uid, what)
        if typ != "OK":
            raise MailboxUnavailable(f"the server refused FETCH: {_text(data[0])}")
        for item in data or []:
            if isinstance(item, tuple) and len(item) == 2:
                return item[1]
        return None

    def _ensure_folder(self, name: str) -> None:
        if name in self._created:
            return
        typ, data = self._call("list", '""', _quoted(name))
        if typ == "OK" and any(isinstance(line, bytes) and line for line in data or []):
            self._created.add(name)
            return
        typ, data = self._call("create", _quoted(name))
        if typ != "OK" and b"exists" not in (data[0] or b"").lower():
            raise MailboxUnavailable(f"cannot create the folder {name}: {_text(data[0])}")
        self._call("subscribe", _quoted(name))
        self._created.add(name)

    def move(self, uid: bytes, path: tuple[str, ...]) -> None:
        """Move message `uid` to the folder `path`, creating it when needed.

        Uses MOVE when the server has it, else COPY, \\Deleted and EXPUNGE of that UID
        (UIDPLUS) or of the folder.
        """
        assert self._imap is not None
        name = self.folder_name(path)
        self._ensure_folder(name)
        capabilities = self._capabilities
        if "MOVE" in capabilities:
            typ, data = self._call("uid", "MOVE", uid, _quoted(name))
        else:
            typ, data = self._call("uid", "COPY", uid, _quoted(name))
            if typ == "OK":
                self._call("uid", "STORE", uid, "+FLAGS.SILENT", r"(\Deleted)")
                if "UIDPLUS" in capabilities:
                    self._call("uid", "EXPUNGE", uid)
                else:
                    self._call("expunge")
        if typ != "OK":
            raise MailboxUnavailable(f"cannot move the message to {name}: {_text(data[0])}")
