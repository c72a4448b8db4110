#!/usr/bin/env python3
"""Several Upskill ROI replicas behind nginx on this machine: sticky sessions, WebSocket upgrade.

    python3 deploy/cluster.py                      # 2 replicas + nginx; prints the URL; Ctrl-C stops
    python3 deploy/cluster.py --replicas 3
    python3 deploy/cluster.py --run-tests          # the browser tests, through the balancer

Needs Debian's ``nginx`` (``apt-get install nginx``; it is not started as a service: this script
runs its own nginx with a generated configuration in a temporary folder). Run from a checkout
whose environment has the app installed (``.venv/bin/python deploy/cluster.py``).

Why it works: the app keeps no per-user state on the server beyond the live WebSocket session --
every input of a scenario is in the page's URL. A Streamlit session lives in one process, so the
balancer must keep a browser on one replica (``ip_hash``) and pass the WebSocket upgrade through;
when that replica goes away, nginx sends the browser's reconnect or reload to another replica,
which rebuilds the page from the URL.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60.0

NGINX_DIR = ROOT / "deploy" / "nginx"
ALLOWED_HOSTS = ("127.0.0.1", "localhost")
"""The host names this cluster answers (nginx's server_name, and each replica's server.allowedHosts)."""

NGINX_CONF = """\
worker_processes 1;
daemon off;
error_log {tmp}/error.log warn;
pid {tmp}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
  log_format upstream '$remote_addr [$time_local] "$request" $status $body_bytes_sent upstream=$upstream_addr';
  access_log {tmp}/access.log upstream;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;

  # What a deployment includes (deploy/nginx/example-site.conf does the same with TLS).
  include {nginx_dir}/upskill-roi-http.conf;

  upstream upskill_roi {{
    ip_hash;   # sticky sessions: a browser stays on the replica that holds its session
{servers}
  }}

  # Any other Host (DNS rebinding): refused.
  server {{
    listen 127.0.0.1:{port} default_server;
    return 421;
  }}
  server {{
    listen 127.0.0.1:{port};
    server_name {hosts};
    include {nginx_dir}/upskill-roi-server.conf;
  }}
}}
"""


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_conf(port: int, replica_ports: list[int], tmp: str) -> str:
    """The nginx configuration for ``replica_ports`` behind ``127.0.0.1:port``: the shipped
    ``deploy/nginx/*.conf`` inside a loopback server.

    Examples
    --------
    >>> conf = nginx_conf(8080, [8501, 8502], "/tmp/x")
    >>> "ip_hash;" in conf, "server 127.0.0.1:8502 max_fails=1 fail_timeout=10s;" in conf
    (True, True)
    >>> "upskill-roi-server.conf;" in conf, "server_name 127.0.0.1 localhost;" in conf
    (True, True)
    """
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in replica_ports)
    return NGINX_CONF.format(tmp=tmp, servers=servers, port=port, nginx_dir=NGINX_DIR, hosts=" ".join(ALLOWED_HOSTS))


def get(url: str, timeout: float = 2.0) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of a GET (errors as status 0)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except OSError:
        return 0, {}, b""


def _wait_healthy(url: str, proc: subprocess.Popen, what: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        status, _, body = get(f"{url}/_stcore/health")
        if status == 200 and body.strip() == b"ok":
            return
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not become healthy at {url}:\n" + log.read_text(errors="replace")[-3000:])
        time.sleep(0.2)


def nginx_binary() -> str:
    """Debian's nginx, or an error that says how to install it."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is required for the scale-out test: apt-get install nginx (.ci/run does this)")
    return found


class Cluster:
    """Running replicas and the balancer (see :func:`cluster`)."""

    def __init__(self, url: str, replicas: dict[int, subprocess.Popen], tmp: Path) -> None:
        self.url = url
        self.replicas = replicas
        self.tmp = tmp

    def serving_port(self) -> int:
        """The replica this machine's browsers are sent to (``ip_hash`` of 127.0.0.1), read from
        the access log (the proxy sends no header that names a replica)."""
        marker = f"/_stcore/health?which={time.monotonic_ns()}"
        get(f"{self.url}{marker}")
        for line in reversed((self.tmp / "access.log").read_text().splitlines()):
            if marker in line:
                return int(line.rsplit(":", 1)[1])
        raise RuntimeError(f"no log line for {marker}")

    def stop_replica(self, port: int) -> None:
        """Stop one replica the hard way (as a crash or a scale-down would)."""
        proc = self.replicas[port]
        proc.kill()
        proc.wait(timeout=10)

    def alive(self) -> list[int]:
        return [p for p, proc in self.replicas.items() if proc.poll() is None]


@contextlib.contextmanager
def cluster(n: int = 2) -> Iterator[Cluster]:
    """Start ``n`` app replicas and nginx in front of them; stop everything on exit."""
    nginx = nginx_binary()
    procs: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory(prefix="upskill-cluster-") as tmp_name, contextlib.ExitStack() as logs:
        tmp = Path(tmp_name)
        try:
            replicas: dict[int, subprocess.Popen] = {}
            for k in range(n):
                port = free_port()
                log = tmp / f"replica-{k}.log"
                proc = subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={port}",
                     "--server.address=127.0.0.1", "--server.headless=true", "--browser.gatherUsageStats=false",
                     "--server.fileWatcherType=none", "--browser.serverAddress=127.0.0.1",
                     *(f"--server.allowedHosts={h}" for h in ALLOWED_HOSTS)],
                    cwd=ROOT, stdout=logs.enter_context(log.open("wb")), stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env={**os.environ, "PYTHONUNBUFFERED": "1"})
                procs.append(proc)
                replicas[port] = proc
            for k, (port, proc) in enumerate(replicas.items()):
                _wait_healthy(f"http://127.0.0.1:{port}", proc, f"replica {k}", tmp / f"replica-{k}.log")
            lb_port = free_port()
            conf = tmp / "nginx.conf"
            conf.write_text(nginx_conf(lb_port, list(replicas), tmp_name))
            nginx_log = tmp / "nginx.out"
            lb = subprocess.Popen([nginx, "-c", str(conf), "-p", tmp_name],
                                  stdout=logs.enter_context(nginx_log.open("wb")), stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL)
            procs.append(lb)
            url = f"http://127.0.0.1:{lb_port}"
            _wait_healthy(url, lb, "nginx", nginx_log)
            yield Cluster(url, replicas, tmp)
        finally:
            for proc in reversed(procs):
                if proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        proc.kill()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--run-tests", action="store_true",
                        help="run the browser tests with every page opened through the balancer")
    args = parser.parse_args(argv)
    with cluster(args.replicas) as c:
        print(f"{args.replicas} replicas {sorted(c.replicas)} behind nginx at {c.url}", flush=True)
        if args.run_tests:
            env = {**os.environ, "UPSKILL_APP_URL": c.url}
            return subprocess.call([sys.executable, "-m", "pytest", "tests/browser", "-q", "-p", "no:cacheprovider"],
                                   cwd=ROOT, env=env)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
