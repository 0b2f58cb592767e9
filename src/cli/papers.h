// `boravak permit slip` and `boravak permit email`: the papers printed, and the slips' QR
// images written to a folder.
#pragma once

#include <string>

#include "app/papers.h"
#include "i18n/catalog.h"

namespace boravak::cli {

// Every slip with its fields and QR payload, every fee without a slip and why, and the notes.
// With `out_dir`, writes each slip's QR code there as SVG and PNG; throws std::runtime_error,
// in the reader's language, when a file cannot be written.
std::string slips_text(const app::planned_permit& planned, const app::slip_set& set, const std::string& out_dir,
                       const i18n::catalog& words);

// Writes the printable slips to `out_dir`/slips.pdf (the current folder when empty), the form's
// labels from `form` (Serbian); returns the line that says where. Throws like slips_text.
std::string write_slips_pdf(const app::planned_permit& planned, const app::slip_set& set, const std::string& out_dir,
                            const i18n::catalog& words, const i18n::catalog& form);

// The e-mail in Serbian with where to send it, then its meaning in the reader's language.
std::string appointment_email_text(const app::appointment_email& mail, const i18n::catalog& words);

}  // namespace boravak::cli
