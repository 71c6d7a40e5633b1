"""What ``peta-anak release`` prints, in Bahasa Indonesia and English (``--lang``); its
refusals are in :data:`aggregations.messages.ERRORS`."""

from __future__ import annotations

from peta_anak.core.i18n import translate

MESSAGES = {
    "created": {"id": "rilis {id} periode {period}: audit lulus", "en": "release {id} period {period}: audit passed"},
    "draft_created": {"id": "rilis {id} periode {period}: audit lulus, draf oleh {user}",
                      "en": "release {id} period {period}: audit passed, draft by {user}"},
    "draft_next": {"id": "Berikutnya: peta-anak release approve {id} --user ADMIN_KEDUA",
                   "en": "Next: peta-anak release approve {id} --user SECOND_ADMIN"},
    "approved": {"id": "rilis {id}: disetujui oleh {user}; berikutnya: peta-anak release publish {id} --user {user}",
                 "en": "release {id}: approved by {user}; next: peta-anak release publish {id} --user {user}"},
    "rejected": {"id": "rilis {id}: ditolak oleh {user}", "en": "release {id}: rejected by {user}"},
    "published": {"id": "rilis {id} diterbitkan ke {public_dir} -> {path}", "en": "release {id} published to {public_dir} -> {path}"},
    "rolled_back": {"id": "{public_dir} -> {build} (rilis {release}), sebelumnya {was}",
                    "en": "{public_dir} -> {build} (release {release}), was {was}"},
    "hidden_share": {"id": "  {indicator:<20} {level:<10} {hidden:>4} / {cells:<4} disembunyikan ({percent}%)",
                     "en": "  {indicator:<20} {level:<10} {hidden:>4} / {cells:<4} hidden ({percent}%)"},
    "kecamatan_only": {"id": "  hanya per kecamatan: {indicators}", "en": "  kecamatan level only: {indicators}"},
    "audit": {"id": "rilis {id} periode {period}: {verdict}, {failures} kegagalan, {primary} sel primer, "
                    "{complementary} sel komplementer, {rounds} putaran",
              "en": "release {id} period {period}: {verdict}, {failures} failures, {primary} primary cells, "
                    "{complementary} complementary cells, {rounds} rounds"},
    "passed": {"id": "LULUS", "en": "PASSED"},
    "failed": {"id": "GAGAL", "en": "FAILED"},
    "narrowest": {"id": "  {area} {indicator}: pembilang antara {low:g} dan {high:g}",
                  "en": "  {area} {indicator}: numerator between {low:g} and {high:g}"},
}


def text(key: str, lang: str = "id", **params: object) -> str:
    return translate(MESSAGES, key, lang, **params)
