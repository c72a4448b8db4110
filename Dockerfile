# Upskill ROI as a container: slim Python, non-root user, health check, the config baked in.
#   docker build -t upskill-roi .
#   docker run --rm -p 8501:8501 upskill-roi        # then open http://localhost:8501
# The base image by digest, so that a rebuild gets the same system (python:3.12-slim, Debian
# bookworm; a tag moves). Taken from public Dockerfiles that pin it (this project's machines have no
# registry access to check it); refresh with `docker buildx imagetools inspect python:3.12-slim`
# or override: docker build --build-arg PYTHON_IMAGE=python:3.12-slim@sha256:<digest> .
ARG PYTHON_IMAGE=python:3.12-slim@sha256:78387bc3881b8273120a12ebe6c1ab22b018ccc2c9adf565ae1ac9b536e184ea
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# The address people open. Set, it also stops a headless Streamlit from asking an IP-lookup service
# (plain HTTP) for the machine's external address at start-up. A deployment sets its own host name
# here and in STREAMLIT_SERVER_ALLOWED_HOSTS (WebSockets for other Host names are refused: DNS
# rebinding), as deploy/k8s/deployment.yaml does.
ENV STREAMLIT_BROWSER_SERVER_ADDRESS=localhost

# Pango and a font for the PDF brief (WeasyPrint); nothing else from Debian.
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
      fonts-dejavu-core && rm -rf /var/lib/apt/lists/*

# A user without a login shell or home-directory secrets; the app writes nothing to disk.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app
WORKDIR /app

# Dependencies first (pinned, the same file Streamlit Community Cloud reads), so code changes
# rebuild only the last layers.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=app:app app.py pyproject.toml ./
COPY --chown=app:app .streamlit ./.streamlit
COPY --chown=app:app upskill_roi ./upskill_roi
COPY --chown=app:app views ./views
COPY --chown=app:app assets ./assets

USER app
EXPOSE 8501
# Streamlit answers "ok" on /_stcore/health once it serves; curl is not in the slim image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read().strip() == b'ok' else 1)"

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0", \
     "--server.headless=true", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]
