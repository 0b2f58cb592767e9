// payment_reference.h and ips_qr.h: account numbers, model 97 check digits and the NBS IPS QR
// payload, with the NBS example 97 14 123412 (as quoted in medigeek's php-ips-qr-code) and the
// Voždovac municipality's 97 41-019 (every check digit below was verified with the formula
// 98 - (digits × 100 mod 97)).
#include "boravak/payment/ips_qr.h"
#include "boravak/payment/payment_reference.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "rules_loader/permit_loader.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace payment;

std::string name_of(reference_problem p) {
  switch (p) {
    case reference_problem::none: return "none";
    case reference_problem::empty: return "empty";
    case reference_problem::not_digits: return "not_digits";
    case reference_problem::too_long: return "too_long";
    case reference_problem::bad_shape: return "bad_shape";
    case reference_problem::wrong_check_digits: return "wrong_check_digits";
  }
  return "?";
}

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// --- Check digits -----------------------------------------------------------------------------

TEST(PaymentReferenceTest, CheckDigitsAreMod97_10) {
  struct row {
    std::string name;
    std::string digits;
    std::string check;
  };
  const std::vector<row> rows = {
      {"The NBS example 97 14 123412: 123412 gives 14.", "123412", "14"},
      {"Voždovac's municipality code 019 gives 41 (97 41-019).", "019", "41"},
      {"Leading zeros do not change the check digits: 19 gives 41 too.", "19", "41"},
      {"1234 gives 82.", "1234", "82"},
      {"The RAT account's first 16 digits give its control digits 57.", "8400000742221843", "57"},
      {"A single digit: 1 × 100 mod 97 = 3, so 95.", "1", "95"},
      {"Zero gives 98, the largest value.", "0", "98"},
      {"21 digits, more than fit in 64 bits, are computed digit by digit.", repeat("1", 21), "49"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(mod97_check_digits(r.digits), r.check);
  }
}

// --- Accounts ---------------------------------------------------------------------------------

TEST(PaymentReferenceTest, AccountsAreReadInPrintedOrEighteenDigitForm) {
  struct row {
    std::string name;
    std::string text;
    std::string digits;  // "" when refused
    reference_problem problem;
  };
  const std::vector<row> rows = {
      {"The printed form is padded to 18 digits.", "840-742221843-57", "840000074222184357", reference_problem::none},
      {"The 18-digit form is read as it is.", "840000074222184357", "840000074222184357", reference_problem::none},
      {"A printed form with the full 13-digit middle part.", "840-0000742221843-57", "840000074222184357",
       reference_problem::none},
      {"Control digits 58 are wrong.", "840-742221843-58", "", reference_problem::wrong_check_digits},
      {"An 18-digit form with wrong control digits.", "840000074222184358", "", reference_problem::wrong_check_digits},
      {"A bank code of two digits is not an account.", "84-742221843-57", "", reference_problem::bad_shape},
      {"A middle part of 14 digits is too long.", "840-00000742221843-57", "", reference_problem::bad_shape},
      {"One control digit is not enough.", "840-742221843-5", "", reference_problem::bad_shape},
      {"A single dash is not the printed form.", "840-74222184357", "", reference_problem::bad_shape},
      {"An empty middle part.", "840--57", "", reference_problem::bad_shape},
      {"17 digits without dashes.", "84000007422218435", "", reference_problem::bad_shape},
      {"A letter in the middle part.", "840-74222A843-57", "", reference_problem::not_digits},
      {"A letter in the 18-digit form.", "84000007422218435A", "", reference_problem::not_digits},
      {"A space is not a digit.", "840 742221843 57", "", reference_problem::not_digits},
      {"Nothing at all.", "", "", reference_problem::empty},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const account_result a = parse_account(r.text);
    EXPECT_EQ(name_of(a.problem), name_of(r.problem));
    EXPECT_EQ(a.digits, r.digits);
  }
}

// --- Model 97 references ----------------------------------------------------------------------

// The limit counts the whole reference field: the model "97", the two check digits and the
// digits (rules/permit/payment.toml [ips] reference_max = 25).
TEST(PaymentReferenceTest, Model97ReferencesGetTheirCheckDigitsInFront) {
  struct row {
    std::string name;
    std::string reference;
    int max_length;
    std::string full;
    reference_problem problem;
  };
  const std::vector<row> rows = {
      {"Voždovac: 019 becomes 41019.", "019", 25, "41019", reference_problem::none},
      {"Without the leading zero: 19 becomes 4119.", "19", 25, "4119", reference_problem::none},
      {"The NBS example: 123412 becomes 14123412.", "123412", 25, "14123412", reference_problem::none},
      {"Spaces and dashes people type are dropped.", " 0-19 ", 25, "41019", reference_problem::none},
      {"21 digits + check digits + model = 25: at the limit.", repeat("1", 21), 25, "49" + repeat("1", 21),
       reference_problem::none},
      {"22 digits + 4 = 26: one over the limit.", repeat("1", 22), 25, "", reference_problem::too_long},
      {"019 with the model and check digits is 7 long: a limit of 7 fits.", "019", 7, "41019", reference_problem::none},
      {"A limit of 6 does not.", "019", 6, "", reference_problem::too_long},
      {"Letters are refused.", "01A", 25, "", reference_problem::not_digits},
      {"Letters in front are refused too.", "AB019", 25, "", reference_problem::not_digits},
      {"Nothing to compute.", "", 25, "", reference_problem::empty},
      {"Only separators is nothing too.", " - ", 25, "", reference_problem::empty},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const reference_result result = model97_reference(r.reference, r.max_length);
    EXPECT_EQ(name_of(result.problem), name_of(r.problem));
    EXPECT_EQ(result.full, r.full);
  }
}

TEST(PaymentReferenceTest, AWrittenModel97ReferenceIsChecked) {
  struct row {
    std::string name;
    std::string written;
    int max_length;
    std::string full;
    reference_problem problem;
  };
  const std::vector<row> rows = {
      {"41-019 as printed for Voždovac is right.", "41-019", 25, "41019", reference_problem::none},
      {"41019 without the dash is the same.", "41019", 25, "41019", reference_problem::none},
      {"The NBS example 14 123412.", "14 123412", 25, "14123412", reference_problem::none},
      {"42-019 has the wrong check digits.", "42-019", 25, "", reference_problem::wrong_check_digits},
      {"The check digits must come in front: 019-41 is wrong.", "019-41", 25, "", reference_problem::wrong_check_digits},
      {"23 digits + model = 25: at the limit.", "49" + repeat("1", 21), 25, "49" + repeat("1", 21),
       reference_problem::none},
      {"24 digits + model = 26: too long.", "49" + repeat("1", 22), 25, "", reference_problem::too_long},
      {"A letter is refused.", "41-01A", 25, "", reference_problem::not_digits},
      {"Two digits are only check digits, no reference.", "41", 25, "", reference_problem::bad_shape},
      {"Nothing at all.", "", 25, "", reference_problem::empty},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const reference_result result = check_model97(r.written, r.max_length);
    EXPECT_EQ(name_of(result.problem), name_of(r.problem));
    EXPECT_EQ(result.full, r.full);
  }
}

// --- IPS QR payload ---------------------------------------------------------------------------

// The limits of rules/permit/payment.toml [ips], written out by hand.
permit::ips_limits nbs_limits() {
  permit::ips_limits l;
  l.identification = "PR";
  l.version = "01";
  l.character_set = "1";
  l.name_max = 70;
  l.purpose_max = 35;
  l.amount_integer_digits_max = 12;
  l.reference_max = 25;
  l.payer_max = 70;
  l.payment_code_bases = {20, 21, 22, 23, 24, 25, 26, 27, 28, 31, 40, 41, 42, 44, 45, 46, 47,
                          48, 49, 53, 54, 57, 58, 60, 61, 62, 63, 64, 65, 66, 70, 71, 72, 73,
                          75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90};
  l.cited = test_support::test_citation("nbs_decision_by_hand");
  return l;
}

// The TRP approval fee of 23,450 RSD (Sl. glasnik RS 54/2026), paid in cash for Voždovac (MUP,
// "Uplate za privremeni boravak"; the Voždovac municipality's page).
slip rat_slip() {
  slip s;
  s.recipient_name = "Republička administrativna taksa";
  s.recipient_account = "840-742221843-57";
  s.amount_para = 2345000;
  s.payer = "";
  s.payment_code = "153";
  s.purpose = "Taksa za privremeni boravak";
  s.reference_model = "97";
  s.reference = "41019";
  return s;
}

template <class Change>
slip changed(Change change) {
  slip s = rat_slip();
  change(s);
  return s;
}

const std::string kRatPayload =
    "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00|SF:153"
    "|S:Taksa za privremeni boravak|RO:9741019";

// The hand-made limits are the ones the rules file gives.
TEST(IpsQrTest, TheLimitsMatchTheRulesFile) {
  const permit::ips_limits loaded = rules_loader::load_permit_rules(BORAVAK_RULES_DIR).payment.ips;
  const permit::ips_limits by_hand = nbs_limits();
  EXPECT_EQ(loaded.identification, by_hand.identification);
  EXPECT_EQ(loaded.version, by_hand.version);
  EXPECT_EQ(loaded.character_set, by_hand.character_set);
  EXPECT_EQ(loaded.name_max, by_hand.name_max);
  EXPECT_EQ(loaded.purpose_max, by_hand.purpose_max);
  EXPECT_EQ(loaded.amount_integer_digits_max, by_hand.amount_integer_digits_max);
  EXPECT_EQ(loaded.reference_max, by_hand.reference_max);
  EXPECT_EQ(loaded.payer_max, by_hand.payer_max);
  EXPECT_EQ(loaded.payment_code_bases, by_hand.payment_code_bases);
}

TEST(IpsQrTest, AValidSlipGivesThePayload) {
  struct row {
    std::string name;
    slip filled;
    std::string payload;
  };
  const std::vector<row> rows = {
      {"The RAT slip for the TRP fee, Voždovac, cash.", rat_slip(), kRatPayload},
      {"The 18-digit account gives the same payload.",
       changed([](slip& s) { s.recipient_account = "840000074222184357"; }), kRatPayload},
      {"A non-cash payment code 253.", changed([](slip& s) { s.payment_code = "253"; }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00|SF:253"
       "|S:Taksa za privremeni boravak|RO:9741019"},
      {"A reference written with a dash is written without it.", changed([](slip& s) { s.reference = "41-019"; }),
       kRatPayload},
      {"A payer comes after the amount; lines of a name are separated by a newline.",
       changed([](slip& s) { s.payer = "Petar Petrović\nBeograd"; }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00"
       "|P:Petar Petrović\nBeograd|SF:153|S:Taksa za privremeni boravak|RO:9741019"},
      {"The recipient's place on a second line.",
       changed([](slip& s) { s.recipient_name = "Republička administrativna taksa\nBeograd"; }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa\nBeograd|I:RSD23450,00|SF:153"
       "|S:Taksa za privremeni boravak|RO:9741019"},
      {"No purpose: the S tag is left out.", changed([](slip& s) { s.purpose = ""; }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00|SF:153|RO:9741019"},
      {"No reference and no model: the RO tag is left out.",
       changed([](slip& s) {
         s.reference_model = "";
         s.reference = "";
       }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00|SF:153"
       "|S:Taksa za privremeni boravak"},
      {"A reference without a model is prefixed 00.",
       changed([](slip& s) {
         s.reference_model = "";
         s.reference = "1234";
       }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00|SF:153"
       "|S:Taksa za privremeni boravak|RO:001234"},
      {"One para is RSD0,01.", changed([](slip& s) { s.amount_para = 1; }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD0,01|SF:153"
       "|S:Taksa za privremeni boravak|RO:9741019"},
      {"12 integer digits are the most the NBS text allows.", changed([](slip& s) { s.amount_para = 99999999999999; }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD999999999999,99|SF:153"
       "|S:Taksa za privremeni boravak|RO:9741019"},
      {"70 Serbian letters are 70 characters, though 140 bytes.", changed([](slip& s) { s.recipient_name = repeat("č", 70); }),
       "K:PR|V:01|C:1|R:840000074222184357|N:" + repeat("č", 70) +
           "|I:RSD23450,00|SF:153|S:Taksa za privremeni boravak|RO:9741019"},
      {"A purpose of exactly 35 characters fits.", changed([](slip& s) { s.purpose = repeat("a", 35); }),
       "K:PR|V:01|C:1|R:840000074222184357|N:Republička administrativna taksa|I:RSD23450,00|SF:153|S:" +
           repeat("a", 35) + "|RO:9741019"},
  };
  const permit::ips_limits limits = nbs_limits();
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    std::string payload;
    const slip_problem problem = build_ips_payload(r.filled, limits, payload);
    EXPECT_EQ(problem.key, "");
    EXPECT_EQ(problem.field, "");
    EXPECT_EQ(payload, r.payload);
  }
}

TEST(IpsQrTest, ASlipOutsideTheLimitsIsRefusedWithItsField) {
  struct row {
    std::string name;
    slip filled;
    std::string key;
    std::string field;
  };
  const std::vector<row> rows = {
      {"A '|' inside the name would split the field.",
       changed([](slip& s) { s.recipient_name = "Republička|taksa"; }), "payment.error.name", "recipient"},
      {"71 Serbian letters are one character too many.", changed([](slip& s) { s.recipient_name = repeat("č", 71); }),
       "payment.error.name", "recipient"},
      {"71 ASCII letters are too many as well.", changed([](slip& s) { s.recipient_name = repeat("a", 71); }),
       "payment.error.name", "recipient"},
      {"The recipient's name is required.", changed([](slip& s) { s.recipient_name = ""; }), "payment.error.name",
       "recipient"},
      {"A tab is a control character.", changed([](slip& s) { s.recipient_name = "Republička\ttaksa"; }),
       "payment.error.name", "recipient"},
      {"Bytes that are not UTF-8 are refused.", changed([](slip& s) { s.recipient_name = "Republi\xC4ka"; }),
       "payment.error.name", "recipient"},
      {"A payer of 71 characters.", changed([](slip& s) { s.payer = repeat("a", 71); }), "payment.error.payer",
       "payer"},
      {"A '|' in the payer.", changed([](slip& s) { s.payer = "Petar|Petrović"; }), "payment.error.payer", "payer"},
      {"An account with wrong control digits.", changed([](slip& s) { s.recipient_account = "840-742221843-58"; }),
       "payment.error.account", "account"},
      {"No account.", changed([](slip& s) { s.recipient_account = ""; }), "payment.error.account", "account"},
      {"An amount of zero is not a payment.", changed([](slip& s) { s.amount_para = 0; }), "payment.error.amount",
       "amount"},
      {"A negative amount.", changed([](slip& s) { s.amount_para = -100; }), "payment.error.amount", "amount"},
      {"13 integer digits are more than the NBS text allows.",
       changed([](slip& s) { s.amount_para = 100000000000000; }), "payment.error.amount", "amount"},
      {"Payment code 353: the first digit must be 1 (cash) or 2 (non-cash).",
       changed([](slip& s) { s.payment_code = "353"; }), "payment.error.payment_code", "payment_code"},
      {"Payment code 199: basis 99 is not a valid basis.", changed([](slip& s) { s.payment_code = "199"; }),
       "payment.error.payment_code", "payment_code"},
      {"Payment code 143: basis 43 is not a valid basis either.", changed([](slip& s) { s.payment_code = "143"; }),
       "payment.error.payment_code", "payment_code"},
      {"Payment code 12 is too short.", changed([](slip& s) { s.payment_code = "12"; }), "payment.error.payment_code",
       "payment_code"},
      {"Payment code 1530 is too long.", changed([](slip& s) { s.payment_code = "1530"; }),
       "payment.error.payment_code", "payment_code"},
      {"A letter in the payment code.", changed([](slip& s) { s.payment_code = "1a3"; }), "payment.error.payment_code",
       "payment_code"},
      {"A purpose of 36 characters.", changed([](slip& s) { s.purpose = repeat("a", 36); }), "payment.error.purpose",
       "purpose"},
      {"A purpose on two lines (only names may have lines).",
       changed([](slip& s) { s.purpose = "Taksa\nboravak"; }), "payment.error.purpose", "purpose"},
      {"A reference with wrong check digits.", changed([](slip& s) { s.reference = "42019"; }),
       "payment.error.reference", "reference"},
      {"A model 97 reference that is too long for the field.",
       changed([](slip& s) { s.reference = "49" + repeat("1", 22); }), "payment.error.reference", "reference"},
      {"A reference without a model that is not digits.",
       changed([](slip& s) {
         s.reference_model = "";
         s.reference = "12A4";
       }),
       "payment.error.reference", "reference"},
      {"Model 11 is not supported.", changed([](slip& s) { s.reference_model = "11"; }),
       "payment.error.reference_model", "reference"},
  };
  const permit::ips_limits limits = nbs_limits();
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    std::string payload = "left over";
    const slip_problem problem = build_ips_payload(r.filled, limits, payload);
    EXPECT_EQ(problem.key, r.key);
    EXPECT_EQ(problem.field, r.field);
    EXPECT_EQ(payload, "") << "a refused slip gives no payload";
  }
}

TEST(IpsQrTest, AmountsHaveADecimalCommaAndTwoDecimals) {
  struct row {
    std::string name;
    long long para;
    std::string amount;
  };
  const std::vector<row> rows = {
      {"One para: the integer part is never left out.", 1, "RSD0,01"},
      {"99 para.", 99, "RSD0,99"},
      {"One dinar.", 100, "RSD1,00"},
      {"1025 dinars, no thousands separator.", 102500, "RSD1025,00"},
      {"10 dinars 10 para.", 1010, "RSD10,10"},
      {"The TRP approval fee.", 2345000, "RSD23450,00"},
      {"Zero, allowed on printed bills.", 0, "RSD0,00"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(ips_amount(r.para), r.amount);
  }
}

// The paper slip's own forms: the account padded as printed on an uplatnica, amounts with
// thousands dots and a decimal comma.
TEST(PaymentReferenceTest, SlipsPrintTheAccountAndAmountAsAPaperFormDoes) {
  EXPECT_EQ(printed_account(parse_account("840-742221843-57").digits), "840-0000742221843-57");
  EXPECT_EQ(printed_account("160000000012345678"), "160-0000000123456-78");
  struct row {
    const char* name;
    long long para;
    const char* printed;
  };
  const std::vector<row> rows = {
      {"Zero.", 0, "0,00"},
      {"One para.", 1, "0,01"},
      {"Under a thousand: no dot.", 99900, "999,00"},
      {"A thousand: one dot.", 100000, "1.000,00"},
      {"The family's four fees.", 2277000, "22.770,00"},
      {"A million and ten para.", 100000010, "1.000.000,10"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(printed_amount(r.para), r.printed);
  }
}

}  // namespace
}  // namespace boravak
