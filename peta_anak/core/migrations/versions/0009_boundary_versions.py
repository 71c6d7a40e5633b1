"""Boundary versions: the browser geometry of every boundary import is kept
(``versi_batas``), and each release names the version it was made with
(``batas_rilis``), so the public site draws each period on its own shapes.

Existing releases are given the boundary version in use now (the best that is
known); the shapes of earlier imports were not kept before this revision.
Both tables are insert-only in the database, like the releases.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 12:45:00
"""

import hashlib

import shapely
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

MESSAGE = "boundary versions are kept as they were"
#: As geodata.versions.signature was written at this revision (a migration keeps its own copy).
SIGNATURE_GRID = 1e-6
TABLES = ("versi_batas", "batas_rilis")


def upgrade() -> None:
    versions = op.create_table('versi_batas',
    sa.Column('impor_id', sa.Integer(), nullable=False),
    sa.Column('tingkat', sa.String(length=10), nullable=False),
    sa.Column('isi', sa.LargeBinary(), nullable=False, comment='TopoJSON of the level after this import'),
    sa.Column('wilayah', sa.JSON(), nullable=False, comment='code -> [name, label lon, label lat, shape signature or null]'),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_batas.id'], name=op.f('fk_versi_batas_impor_id_impor_batas')),
    sa.PrimaryKeyConstraint('impor_id', 'tingkat', name=op.f('pk_versi_batas')),
    comment='Browser geometry of every boundary version, kept: a release is drawn on the boundaries it was made with, even after a re-import. Rows are only ever added.'
    )
    links = op.create_table('batas_rilis',
    sa.Column('rilis_id', sa.Integer(), nullable=False),
    sa.Column('impor_id', sa.Integer(), nullable=False, comment='the boundary version (versi_batas) the release was made with'),
    sa.ForeignKeyConstraint(['impor_id'], ['impor_batas.id'], name=op.f('fk_batas_rilis_impor_id_impor_batas')),
    sa.ForeignKeyConstraint(['rilis_id'], ['rilis.id'], name=op.f('fk_batas_rilis_rilis_id_rilis')),
    sa.PrimaryKeyConstraint('rilis_id', name=op.f('pk_batas_rilis')),
    comment='The boundary version of each release, so its map keeps its own shapes. Rows are never changed.'
    )
    _backfill(versions, links)
    _insert_only()


def _backfill(versions: sa.Table, links: sa.Table) -> None:
    """Today's browser geometry becomes the first kept version; every release points at it."""
    bind = op.get_bind()
    meta = sa.MetaData()
    web = sa.Table("geometri_web", meta, autoload_with=bind)
    areas = sa.Table("wilayah", meta, autoload_with=bind)
    releases = sa.Table("rilis", meta, autoload_with=bind)
    stored = bind.execute(sa.select(web.c.tingkat, web.c.isi, web.c.impor_id)
                          .where(web.c.format == "topojson")).all()
    if not stored:
        return
    current = max(r.impor_id for r in stored)
    names: dict[str, dict] = {}
    for r in bind.execute(sa.select(areas.c.kode, areas.c.nama, areas.c.tingkat, areas.c.label_lon,
                                    areas.c.label_lat, areas.c.geom)):
        # the shape's signature too: a split village that keeps its code is then told apart
        names.setdefault(r.tingkat, {})[r.kode] = [r.nama, round(r.label_lon, 4), round(r.label_lat, 4),
                                                   _signature(bytes(r.geom))]
    levels = {r.tingkat: bytes(r.isi) for r in stored}
    for level in ("kabupaten", "kecamatan", "desa"):
        if level in levels or level in names:
            bind.execute(sa.insert(versions).values(impor_id=current, tingkat=level, isi=levels.get(level, b""),
                                                    wilayah=names.get(level, {})))
    for (release_id,) in bind.execute(sa.select(releases.c.id)).all():
        bind.execute(sa.insert(links).values(rilis_id=release_id, impor_id=current))


def _signature(wkb: bytes) -> str:
    clean = shapely.normalize(shapely.set_precision(shapely.simplify(shapely.from_wkb(wkb), 0), SIGNATURE_GRID))
    return hashlib.sha256(shapely.to_wkb(clean, hex=False, output_dimension=2)).hexdigest()[:16]


def _insert_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""CREATE FUNCTION versi_batas_kept() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql""")
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {table}_kept BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION versi_batas_kept()")
        return
    for table in TABLES:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in TABLES:
        if postgres:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_kept ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS versi_batas_kept()")
    op.drop_table('batas_rilis')
    op.drop_table('versi_batas')
