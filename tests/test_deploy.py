"""Deployment files: what Community Cloud, Docker and Kubernetes read is consistent with the project."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_requirements_pin_every_runtime_dependency():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned: {line}"
            pins[name.lower()] = version
    missing = [d for d in deps if _name(d) not in pins]
    assert missing == []


def test_dockerfile_runs_as_a_user_with_a_health_check_and_the_config():
    text = (ROOT / "Dockerfile").read_text()
    # The base image by digest (issue 16): a rebuild gets the same system.
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.1[12]-slim@sha256:[0-9a-f]{64}$", text, re.M)
    assert re.search(r"^FROM \$\{PYTHON_IMAGE\}$", text, re.M)
    # Headless, an unset server address makes Streamlit ask an IP-lookup service at start-up.
    assert re.search(r"^ENV STREAMLIT_BROWSER_SERVER_ADDRESS=\S+", text, re.M)
    assert re.search(r"^USER app$", text, re.M)
    assert "HEALTHCHECK" in text and "/_stcore/health" in text
    assert "COPY --chown=app:app .streamlit ./.streamlit" in text
    assert "requirements.txt" in text
    # The PDF brief (WeasyPrint) needs Pango and a font: the image and Community Cloud (packages.txt) get them.
    system = ("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core")
    assert all(f" {p}" in text for p in system)
    assert (ROOT / "packages.txt").read_text().split() == list(system)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".venv" in ignored and "tests" in ignored


def test_kubernetes_keeps_sessions_sticky_and_probes_health():
    k8s = ROOT / "deploy" / "k8s"
    assert "sessionAffinity: ClientIP" in (k8s / "service.yaml").read_text()
    deployment = (k8s / "deployment.yaml").read_text()
    assert deployment.count("/_stcore/health") == 2 and "runAsNonRoot: true" in deployment
    assert 'affinity: "cookie"' in (k8s / "ingress.yaml").read_text()


def _k8s(name: str) -> list[dict]:
    import yaml

    return [d for d in yaml.safe_load_all((ROOT / "deploy" / "k8s" / name).read_text()) if d]


def test_kubernetes_is_hardened_as_the_tested_proxy():
    """The ingress does what deploy/nginx/ does (tests/test_proxy.py runs that): long links, the same
    per-client limits, metrics and agent API closed, one host name that the pods also enforce."""
    (app, static, closed) = _k8s("ingress.yaml")
    notes = app["metadata"]["annotations"]
    assert (notes["nginx.ingress.kubernetes.io/limit-rps"], notes["nginx.ingress.kubernetes.io/limit-burst-multiplier"],
            notes["nginx.ingress.kubernetes.io/limit-connections"]) == ("10", "4", "50")
    assert "limit" not in str(static["metadata"].get("annotations", {}))  # HTTP/2: 8 broke page loads
    assert [p["path"] for p in static["spec"]["rules"][0]["http"]["paths"]] == ["/static/"]
    assert closed["metadata"]["annotations"]["nginx.ingress.kubernetes.io/denylist-source-range"] == "0.0.0.0/0,::/0"
    assert {p["path"] for p in closed["spec"]["rules"][0]["http"]["paths"]} == {"/_stcore/metrics", "/_stcore/agent"}
    hosts = {r["host"] for ing in (app, static, closed) for r in ing["spec"]["rules"]}
    assert len(hosts) == 1
    (deployment,) = _k8s("deployment.yaml")
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["STREAMLIT_SERVER_ALLOWED_HOSTS"].split() == list(hosts)
    assert env["STREAMLIT_BROWSER_SERVER_ADDRESS"] in hosts
    # Measured (benchmarks/memory.py): about 340 MB idle after use and 566 MB with 30 sessions (issue 16's
    # probe); the request covers the 30 sessions, the limit more.
    requests, limits = container["resources"]["requests"], container["resources"]["limits"]
    assert _mib(requests["memory"]) >= 566 * 1e6 / 2**20 and _mib(limits["memory"]) > _mib(requests["memory"])
    config, headers = _k8s("ingress-nginx-config.yaml")
    assert _buffer_bytes(config["data"]["large-client-header-buffers"]) >= MAX_REQUEST_LINE
    assert config["data"]["server-tokens"] == "false" and config["data"]["hsts"] == "true"
    assert config["data"]["limit-req-status-code"] == config["data"]["limit-conn-status-code"] == "429"
    security = container["securityContext"]
    assert security["capabilities"] == {"drop": ["ALL"]} and security["seccompProfile"] == {"type": "RuntimeDefault"}
    assert headers["data"]["X-Content-Type-Options"] == "nosniff" and "frame-ancestors" in str(headers["data"])
    (policy,) = _k8s("networkpolicy.yaml")
    assert policy["spec"]["egress"] == [] and "Egress" in policy["spec"]["policyTypes"]  # no network at run time


def _mib(quantity: str) -> float:
    """A Kubernetes memory quantity in MiB ("640Mi", "1Gi")."""
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


def _buffer_bytes(setting: str) -> int:
    """The size of one buffer of nginx's large_client_header_buffers ("4 96k")."""
    _, size = setting.split()
    return int(size.rstrip("k")) * 1024


# The longest request line the app can cause: "GET " + the longest address + " HTTP/1.1".
MAX_REQUEST_LINE = len("GET ") + 65_536 + len(" HTTP/1.1")


def test_the_proxy_accepts_the_longest_address_the_app_makes():
    from upskill_roi.inputs.pages import MAX_URL

    assert MAX_URL == 65_536
    http_conf = (ROOT / "deploy" / "nginx" / "upskill-roi-http.conf").read_text()
    (setting,) = re.findall(r"^large_client_header_buffers (\d+ \d+k);", http_conf, re.M)
    assert _buffer_bytes(setting) >= MAX_REQUEST_LINE
    # ... and stays under the ~128 KB at which Streamlit's server resets the connection (measured).
    assert _buffer_bytes(setting) <= 120 * 1024


def test_the_example_site_is_valid_nginx(tmp_path: Path):
    """deploy/nginx/example-site.conf with its includes, a throw-away certificate: `nginx -t` accepts it."""
    import shutil
    import subprocess

    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                    "-keyout", str(tmp_path / "k.pem"), "-out", str(tmp_path / "c.pem")],
                   check=True, capture_output=True)
    site = (ROOT / "deploy" / "nginx" / "example-site.conf").read_text()
    site = (site.replace("/etc/nginx/upskill-roi/", f"{ROOT}/deploy/nginx/")
            .replace("/etc/ssl/certs/upskill-roi.pem", str(tmp_path / "c.pem"))
            .replace("/etc/ssl/private/upskill-roi.key", str(tmp_path / "k.pem")))
    assert "Strict-Transport-Security" in site and "ssl_reject_handshake on;" in site
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}/b; proxy_temp_path {tmp_path}/p; "
        f"fastcgi_temp_path {tmp_path}/f; uwsgi_temp_path {tmp_path}/u; scgi_temp_path {tmp_path}/s; "
        f"include {tmp_path}/site.conf; }}\n")
    done = subprocess.run([nginx, "-t", "-q", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_nginx_conf_has_sticky_sessions_and_websocket_upgrade():
    import importlib.util

    spec = importlib.util.spec_from_file_location("cluster", ROOT / "deploy" / "cluster.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    conf = mod.nginx_conf(8080, [8501, 8502], "/tmp/x")
    assert "ip_hash;" in conf
    assert conf.count("server 127.0.0.1:85") == 2
    # Found by running the browser tests through it: worker processes could not write the
    # temporary files of large responses (the chart bundle) and uploads.
    # The shipped files, which tests/test_proxy.py probes through a running nginx.
    for part in ("upskill-roi-http.conf", "upskill-roi-server.conf"):
        assert f"include {ROOT / 'deploy' / 'nginx' / part};" in conf
    server = (ROOT / "deploy" / "nginx" / "upskill-roi-server.conf").read_text()
    assert "proxy_set_header Upgrade $http_upgrade;" in server
    assert "proxy_set_header Connection $connection_upgrade;" in server
    assert "proxy_max_temp_file_size 0;" in server
    assert "X-Upstream" not in conf + server  # no replica name in answers
