"""A private Dovecot IMAP server per test, and a TCP proxy that can drop the connection."""

from __future__ import annotations

import contextlib
import imaplib
import os
import pwd
import select
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "intake@vouch.test", "s3cret pass/word"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = vouch-test-{port}
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
default_internal_user = {internal}
default_internal_group = {internal_group}
default_login_user = {login}
mail_uid = {mail_user}
mail_gid = {mail_group}
first_valid_uid = 1
first_valid_gid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user} gid={mail_group} home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(100).startswith(b"* OK"):
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"Dovecot did not answer on port {port}")


class Dovecot:
    """One Dovecot instance in a temporary folder, with one user whose password is PASSWORD."""

    def __init__(self, extra_config: str = "") -> None:
        self.root = Path(tempfile.mkdtemp(prefix="vouch-dovecot-"))
        self.root.chmod(0o755)
        self.port = free_port()
        self.host = "127.0.0.1"
        if os.geteuid() == 0:
            mail_user = "dovecot"
            users = {"internal": "dovecot", "internal_group": "dovecot", "login": "dovenull"}
        else:
            mail_user = pwd.getpwuid(os.geteuid()).pw_name
            users = {"internal": mail_user, "internal_group": mail_user, "login": mail_user}
        entry = pwd.getpwnam(mail_user)
        (self.root / "mail").mkdir()
        os.chown(self.root / "mail", entry.pw_uid, entry.pw_gid)
        (self.root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        (self.root / "dovecot.conf").write_text(
            CONFIG.format(
                root=self.root,
                port=self.port,
                mail_user=mail_user,
                mail_group=mail_user,
                **users,
            )
            + extra_config
        )
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def url(self, *, port: int | None = None, password: str = PASSWORD) -> str:
        from urllib.parse import quote

        return (
            f"imap://{quote(USER, safe='')}:{quote(password, safe='')}@127.0.0.1:"
            f"{port or self.port}/INBOX"
        )

    def client(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        imap.login(USER, PASSWORD)
        return imap

    def deliver(self, *messages: bytes) -> None:
        """APPEND each message to the INBOX, as a mail server delivering it would."""
        imap = self.client()
        try:
            for message in messages:
                typ, data = imap.append("INBOX", None, None, message)
                assert typ == "OK", data
        finally:
            imap.logout()

    def folder(self, name: str) -> list[bytes]:
        """Return the raw messages in folder `name` ([] when it does not exist)."""
        imap = self.client()
        try:
            typ, _data = imap.select(f'"{name}"', readonly=True)
            if typ != "OK":
                return []
            _typ, data = imap.uid("SEARCH", None, "ALL")
            found = []
            for uid in (data[0] or b"").split():
                _typ, parts = imap.uid("FETCH", uid, "(BODY.PEEK[])")
                found += [part[1] for part in parts if isinstance(part, tuple)]
            return found
        finally:
            imap.logout()


def _serve(extra_config: str = ""):
    if not Path(DOVECOT).exists():
        pytest.fail("Dovecot is not installed: apt-get install dovecot-imapd")
    server = Dovecot(extra_config)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def dovecot():
    yield from _serve()


@pytest.fixture
def dovecot_without_move():
    """A server that announces neither MOVE nor UIDPLUS, as older ones do."""
    yield from _serve("imap_capability = IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE\n")


class DroppingProxy:
    """A TCP proxy to Dovecot that closes both sides at a chosen moment.

    After the client sends a command line containing `trigger` (the `nth` time), the
    proxy forwards the command (unless `forward_trigger` is False) and then only
    `pass_bytes` bytes of the server's answer before it closes the connection.
    """

    def __init__(self, target_port: int, trigger: bytes, *, nth: int = 1, pass_bytes: int = 0,
                 forward_trigger: bool = True) -> None:  # fmt: skip
        self.target_port = target_port
        self.trigger = trigger
        self.nth = nth
        self.pass_bytes = pass_bytes
        self.forward_trigger = forward_trigger
        self.seen = 0
        self.dropped = threading.Event()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(5)
        self.port = self.listener.getsockname()[1]
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _w, _x = select.select([self.listener], [], [], 0.1)
            if ready:
                client, _addr = self.listener.accept()
                threading.Thread(target=self._pump, args=(client,), daemon=True).start()

    def _pump(self, client: socket.socket) -> None:
        server = socket.create_connection(("127.0.0.1", self.target_port))
        budget: int | None = None
        try:
            while not self._stop.is_set():
                ready, _w, _x = select.select([client, server], [], [], 0.1)
                if client in ready:
                    data = client.recv(65536)
                    if not data:
                        return
                    if self.trigger in data and budget is None:
                        self.seen += 1
                        if self.seen == self.nth:
                            budget = self.pass_bytes
                            if not self.forward_trigger:
                                return
                    server.sendall(data)
                if server in ready:
                    data = server.recv(65536)
                    if not data:
                        return
                    if budget is not None:
                        client.sendall(data[:budget])
                        budget -= min(budget, len(data))
                        if budget == 0:
                            return
                    else:
                        client.sendall(data)
        finally:
            if budget is not None:
                self.dropped.set()
            for sock in (client, server):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=5)
        self.listener.close()


@pytest.fixture
def dropping_proxy(dovecot):
    proxies: list[DroppingProxy] = []

    def _make(trigger: bytes, **kwargs) -> DroppingProxy:
        proxy = DroppingProxy(dovecot.port, trigger, **kwargs)
        proxies.append(proxy)
        return proxy

    yield _make
    for proxy in proxies:
        proxy.close()
