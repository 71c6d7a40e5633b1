"""The OpenAPI 3.1 description of the API, served at ``/api/v1/openapi.json`` and
explained in ``docs/api.md``. Kept beside the routes it describes; a test checks that
every route of the blueprint is described and nothing else."""

from __future__ import annotations

from aggregations import periods
from aggregations.sources import SOURCES

STATUSES = ["queued", "running", "done", "refused", "failed"]
RELEASE_STATUSES = ["draft", "approved", "rejected", "published"]


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


UNAUTHORIZED = _error("No token, an unknown or a revoked one.")
FORBIDDEN = _error("The token's role or department may not do this.")
RATE_LIMITED = _error("Too many requests from this account, or without a valid token from this address "
                      "(PDAR_API_RATE_LIMIT).")


def _schemas() -> dict:
    job = {"type": "object", "required": ["id", "source", "period", "status", "progress"], "properties": {
        "id": {"type": "integer"}, "source": {"type": "string", "enum": list(SOURCES)},
        "period": {"type": "string", "pattern": periods.PATTERN}, "status": {"type": "string", "enum": STATUSES},
        "progress": {"type": "number", "minimum": 0, "maximum": 1, "description": "share of rows read"},
        "rows_read": {"type": "integer"}, "rows_total": {"type": ["integer", "null"]},
        "file": {"type": "string"}, "size": {"type": "integer"}, "sha256": {"type": "string"},
        "user": {"type": "string"}, "via": {"type": "string", "enum": ["web", "api", "cli"]},
        "created": {"type": "string", "format": "date-time"},
        "finished": {"type": ["string", "null"], "format": "date-time"},
        "read": {"type": "integer", "description": "when finished: rows read"},
        "accepted": {"type": "integer", "description": "when finished: rows imported (0 when refused)"},
        "rejected": {"type": "integer", "description": "when finished: rows rejected"},
        "reasons": {"type": "array", "items": {"type": "object", "properties": {
            "reason": {"type": "string", "description": "field:reason"}, "text": {"type": "string"},
            "rows": {"type": "integer"}}}},
        "refusal": {"type": ["string", "null"], "description": "why nothing was imported, e.g. too_many_rejects, "
                                                                  "too_many_rejects_early, smaller_reimport, "
                                                                  "missing_columns"},
        "message": {"type": "string"}, "import_id": {"type": ["integer", "null"]},
    }}
    release = {"type": "object", "properties": {
        "id": {"type": "integer"}, "period": {"type": "string"},
        "status": {"type": "string", "enum": RELEASE_STATUSES}, "created": {"type": "string", "format": "date-time"},
        "creator": {"type": "string"}, "decided_by": {"type": ["string", "null"]},
        "reason": {"type": ["string", "null"]}, "published_by": {"type": ["string", "null"]}}}
    error = {"type": "object", "required": ["error", "message"], "properties": {
        "error": {"type": "string", "description": "a stable key, e.g. not_your_source, busy, too_large"},
        "message": {"type": "string", "description": "what went wrong, in Bahasa Indonesia or English"}}}
    return {"Job": job, "Release": release, "Error": error}


def _imports() -> dict:
    upload = {"type": "object", "required": ["source", "period", "file"], "properties": {
        "source": {"type": "string", "enum": list(SOURCES)}, "period": {"type": "string", "pattern": periods.PATTERN},
        "file": {"type": "string", "format": "binary", "description": "CSV or XLSX, at most PDAR_MAX_UPLOAD_MB"},
        "allow_smaller": {"type": "string", "enum": ["true", "false"],
                          "description": "deliberately accept an import smaller than the active one"}}}
    return {
        "post": {"summary": "Upload an export and queue its import", "operationId": "createImport",
                 "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": upload}}},
                 "responses": {
                     "202": _json("Queued; poll GET /api/v1/imports/{id}.", {"type": "object", "properties": {
                         "id": {"type": "integer"}, "status": {"type": "string", "enum": ["queued", "running"]}}}),
                     "400": _error("Unknown source, malformed period, missing field or file, not CSV/XLSX."),
                     "401": UNAUTHORIZED, "403": FORBIDDEN,
                     "409": _error("An import of this source and period is queued or running: wait."),
                     "413": _error("Over PDAR_MAX_UPLOAD_MB."), "429": RATE_LIMITED,
                     "503": _error("The database cannot be reached, or (SQLite) a write held its lock beyond "
                                   "the wait; nothing was stored, send again shortly.")}},
        "get": {"summary": "Import history (uploads and command-line imports)", "operationId": "listImports",
                "parameters": [{"name": "source", "in": "query", "schema": {"type": "string"}},
                               {"name": "period", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": _json("Newest first.", {"type": "object", "properties": {
                    "imports": {"type": "array", "items": _ref("Job")}}}),
                    "400": _error("Unknown source or malformed period."), "401": UNAUTHORIZED, "403": FORBIDDEN,
                    "429": RATE_LIMITED}},
    }


def _releases() -> dict:
    create = {"type": "object", "required": ["period"], "properties": {"period": {"type": "string"}}}
    return {
        "get": {"summary": "Releases with their status", "operationId": "listReleases",
                "responses": {"200": _json("Newest first.", {"type": "object", "properties": {
                    "releases": {"type": "array", "items": _ref("Release")}}}),
                    "401": UNAUTHORIZED, "403": FORBIDDEN, "429": RATE_LIMITED}},
        "post": {"summary": "Create a draft release (suppression and attack audit)", "operationId": "createRelease",
                 "requestBody": {"required": True, "content": {"application/json": {"schema": create}}},
                 "responses": {"201": _json("The draft.", _ref("Release")),
                               "400": _error("Missing or malformed period."), "401": UNAUTHORIZED,
                               "403": FORBIDDEN, "409": _error("No indicators for the period, or the audit failed."),
                               "429": RATE_LIMITED}},
    }


def spec() -> dict:
    """The whole description."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Peta Digital Anak Rentan API", "version": "1",
                 "description": "Imports and releases for the regency's own scripts. Tokens from "
                                "`peta-anak users token NAME`; no children's counts are returned."},
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}, "schemas": _schemas()},
        "paths": {
            "/api/v1/imports": _imports(),
            "/api/v1/imports/{id}": {"get": {
                "summary": "One import: status, progress and, when finished, its report", "operationId": "getImport",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {"200": _json("The import.", _ref("Job")), "401": UNAUTHORIZED,
                              "404": _error("No such import among the token's department's (another department's "
                                            "is answered the same)."), "429": RATE_LIMITED}}},
            "/api/v1/releases": _releases(),
            "/api/v1/releases/{id}/approve": {"post": {
                "summary": "Approve a draft (a second admin, never its creator)", "operationId": "approveRelease",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {"200": _json("Approved.", {"type": "object", "properties": {
                    "id": {"type": "integer"}, "status": {"type": "string", "enum": ["approved"]}}}),
                    "401": UNAUTHORIZED, "403": _error("Not an admin, or the draft's own creator."),
                    "404": _error("No such release."), "409": _error("Not a draft any more."),
                    "429": RATE_LIMITED}}},
            "/api/v1/openapi.json": {"get": {"summary": "This description", "operationId": "openapi",
                                             "responses": {"200": {"description": "OpenAPI 3.1"},
                                                           "401": UNAUTHORIZED}}},
        },
    }
