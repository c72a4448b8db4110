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
    assert re.search(r"^FROM python:3\.1[12]-slim", text, re.M)
    assert re.search(r"^USER app$", text, re.M)
    assert "HEALTHCHECK" in text and "/_stcore/health" in text
    assert "COPY --chown=app:app .streamlit ./.streamlit" in text
    assert "requirements.txt" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".venv" in ignored and "tests" in ignored


def test_kubernetes_keeps_sessions_sticky_and_probes_health():
    k8s = ROOT / "deploy" / "k8s"
    assert "sessionAffinity: ClientIP" in (k8s / "service.yaml").read_text()
    deployment = (k8s / "deployment.yaml").read_text()
    assert deployment.count("/_stcore/health") == 2 and "runAsNonRoot: true" in deployment
    assert 'affinity: "cookie"' in (k8s / "ingress.yaml").read_text()


def test_nginx_conf_has_sticky_sessions_and_websocket_upgrade():
    import importlib.util

    spec = importlib.util.spec_from_file_location("cluster", ROOT / "deploy" / "cluster.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    conf = mod.nginx_conf(8080, [8501, 8502], "/tmp/x")
    assert "ip_hash;" in conf and "proxy_set_header Upgrade $http_upgrade;" in conf
    assert "proxy_set_header Connection $connection_upgrade;" in conf
    assert conf.count("server 127.0.0.1:85") == 2
    # Found by running the browser tests through it: worker processes could not write the
    # temporary files of large responses (the chart bundle) and uploads.
    assert "proxy_max_temp_file_size 0;" in conf and "client_body_buffer_size 2m;" in conf
