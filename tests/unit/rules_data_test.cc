// The rules data in rules/ (docs/rules-format.md): it loads, every value carries a source, the
// dated periods cover time without overlaps, a broken file stops the loader with the file and
// the line, and a change of law is an edit of rules/ alone.
#include "rules_loader/rules_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "boravak/permit/fee_schedule.h"
#include "rules_loader/permit_loader.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;
namespace fs = std::filesystem;

class RulesDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new rule_set(rules_loader::load_rules(BORAVAK_RULES_DIR)); }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }
  static const rule_set& rules() { return *rules_; }

 private:
  static rule_set* rules_;
};
rule_set* RulesDataTest::rules_ = nullptr;

// A citation a person can follow: every source has a publisher, a title and a link or a gazette,
// and none names our research notes, a seed by number or a file.
void expect_followable(const citation& c) {
  ASSERT_FALSE(c.sources.empty());
  EXPECT_NE(c.checked, date{});
  for (const auto& s : c.sources) {
    SCOPED_TRACE(s->id);
    EXPECT_FALSE(s->publisher.empty());
    EXPECT_FALSE(s->title.empty());
    EXPECT_TRUE(!s->url.empty() || !s->gazette.empty());
    for (const char* shorthand : {"facts.md", "Seed A", "Seed B", "Seed C", "\xC2\xA7", ".toml", "RSL ", "PIX"}) {
      EXPECT_EQ(s->title.find(shorthand), std::string::npos) << s->title;
      EXPECT_EQ(s->gazette.find(shorthand), std::string::npos) << s->gazette;
    }
  }
  if (c.level == confidence::primary) {
    EXPECT_TRUE(std::any_of(c.sources.begin(), c.sources.end(), [](const auto& s) { return s->kind == standing::primary; }));
  }
}

TEST_F(RulesDataTest, EveryCountryHasANameAndAUniqueCode) {
  ASSERT_GE(rules().countries.size(), 250u) << "249 ISO codes plus XK";
  std::string previous;
  for (const country& c : rules().countries) {
    SCOPED_TRACE(c.code);
    EXPECT_EQ(c.code.size(), 2u);
    EXPECT_FALSE(c.name.empty());
    EXPECT_LT(previous, c.code) << "codes are sorted and unique";
    previous = c.code;
    EXPECT_EQ(rules().find_country(c.code), &c);
  }
  EXPECT_NE(rules().find_country("XK"), nullptr) << "Kosovo is in the data";
  EXPECT_EQ(rules().find_country("ZZ"), nullptr);
  EXPECT_EQ(rules().find_country("R"), nullptr);
  EXPECT_EQ(rules().find_country("R1"), nullptr);
}

TEST_F(RulesDataTest, EveryPeriodCarriesItsSourceAndReadings) {
  EXPECT_EQ(rules().default_entry.status, entry_status::visa_required)
      << "a country we know nothing about is not assumed visa-free";
  expect_followable(rules().default_entry.cited);
  int periods = 0;
  for (const country& c : rules().countries) {
    for (const entry_period& p : c.periods) {
      SCOPED_TRACE(c.code + " from " + to_iso_string(p.from));
      ++periods;
      expect_followable(p.cited);
      if (p.status == entry_status::visa_free) {
        EXPECT_GE(p.readings.size(), 1u) << "a visa_free period needs at least one reading";
      } else {
        EXPECT_TRUE(p.readings.empty()) << "a visa_required period has no readings";
      }
      for (const regime_reading& r : p.readings) {
        if (r.regime_index) {
          ASSERT_LT(*r.regime_index, rules().regimes.size());
        }
        expect_followable(r.cited);
        // Two readings are sources of equal standing that disagree.
        if (p.readings.size() > 1) {
          EXPECT_EQ(r.cited.level, confidence::disputed);
        }
      }
      if (p.to) {
        EXPECT_LE(p.from, *p.to);
      }
    }
  }
  EXPECT_GT(periods, 50);
}

TEST_F(RulesDataTest, RegimesAreValidCountingRules) {
  for (const named_regime& r : rules().regimes) {
    SCOPED_TRACE(r.id);
    EXPECT_FALSE(r.description.empty());
    expect_followable(r.cited);
    EXPECT_GE(r.rule.limit, 1);
    switch (r.rule.kind) {
      case regime_kind::rolling: EXPECT_GE(r.rule.window, 1); break;
      case regime_kind::fixed: EXPECT_NE(r.rule.period_days > 0, r.rule.period_months > 0); break;
      case regime_kind::per_entry: break;
    }
  }
  struct row {
    std::string name;
    std::string id;
    regime rule;
  };
  const std::vector<row> rows = {
      {"per_entry_30 is 30 days from each entry.", "per_entry_30", per_entry(30)},
      {"rolling_90_180 is 90 days in any 180.", "rolling_90_180", rolling(90, 180)},
      {"fixed_90_6_months is 90 days in 6 months from the first entry.", "fixed_90_6_months", fixed_months(90, 6)},
      {"fixed_90_180_days is 90 days in 180 days from the first entry.", "fixed_90_180_days", fixed_days(90, 180)},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const named_regime* found = nullptr;
    for (const named_regime& n : rules().regimes) {
      if (n.id == r.id) found = &n;
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->rule, r.rule);
  }
}

// Time coverage (as Catala's tests_couverture_temporelle): on every day from 2009 to 2030, at
// most one period of a country is in force, and entry_rule returns it (or the default).
TEST_F(RulesDataTest, EveryDayHasExactlyOneEntryRule) {
  const date first = D("2009-01-01");
  const date last = D("2030-12-31");
  for (const country& c : rules().countries) {
    for (date d = first; d <= last; d += days{1}) {
      const entry_period* in_force = &rules().default_entry;
      int count = 0;
      for (const entry_period& p : c.periods) {
        if (p.in_force_on(d)) {
          in_force = &p;
          ++count;
        }
      }
      ASSERT_LE(count, 1) << c.code << " has overlapping periods on " << to_iso_string(d);
      ASSERT_EQ(&rules().entry_rule(c, d), in_force) << c.code << " on " << to_iso_string(d);
    }
    for (std::size_t i = 1; i < c.periods.size(); ++i) {
      ASSERT_TRUE(c.periods[i - 1].to.has_value()) << c.code << ": an open period is followed by another";
      EXPECT_LT(*c.periods[i - 1].to, c.periods[i].from) << c.code << ": periods ascend";
    }
  }
}

// Around every date where a country's rule changes: the day before, the day itself and the day
// after each `from` and each `to`.
TEST_F(RulesDataTest, RulesChangeExactlyOnTheirDates) {
  int checked = 0;
  for (const country& c : rules().countries) {
    for (std::size_t i = 0; i < c.periods.size(); ++i) {
      const entry_period& p = c.periods[i];
      SCOPED_TRACE(c.code + " period from " + to_iso_string(p.from));
      // The day before `from`: the previous period when it ends the day before, else the default.
      const entry_period* before = &rules().default_entry;
      if (i > 0 && c.periods[i - 1].to && *c.periods[i - 1].to == p.from - days{1}) before = &c.periods[i - 1];
      EXPECT_EQ(&rules().entry_rule(c, p.from - days{1}), before);
      EXPECT_EQ(&rules().entry_rule(c, p.from), &p);
      if (!p.to || *p.to > p.from) {
        EXPECT_EQ(&rules().entry_rule(c, p.from + days{1}), &p);
      }
      if (p.to) {
        if (*p.to > p.from) {
          EXPECT_EQ(&rules().entry_rule(c, *p.to - days{1}), &p);
        }
        EXPECT_EQ(&rules().entry_rule(c, *p.to), &p);
        const entry_period* after = &rules().default_entry;
        if (i + 1 < c.periods.size() && c.periods[i + 1].from == *p.to + days{1}) after = &c.periods[i + 1];
        EXPECT_EQ(&rules().entry_rule(c, *p.to + days{1}), after);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

// ---------------------------------------------------------------------------------------------
// The fines of rules/stay/fines.toml, before, on and after each date: nothing before the 2008
// law applied (1 April 2009), its ranges to 2 October 2018, the 2018 law's from 3 October 2018.
TEST_F(RulesDataTest, FinesChangeExactlyOnTheirDates) {
  struct row {
    const char* name;
    const char* on;
    long long overstay_min, overstay_max, registration_min, registration_max;  // 0: none on record
  };
  const row rows[] = {
      {"before the 2008 law applied", "2009-03-31", 0, 0, 0, 0},
      {"the 2008 law's first day", "2009-04-01", 6000, 30000, 3000, 15000},
      {"the 2008 law's second day", "2009-04-02", 6000, 30000, 3000, 15000},
      {"the 2008 law's last day", "2018-10-02", 6000, 30000, 3000, 15000},
      {"the 2018 law's first day", "2018-10-03", 50000, 150000, 5000, 150000},
      {"the 2018 law's second day", "2018-10-04", 50000, 150000, 5000, 150000},
      {"today", "2026-12-06", 50000, 150000, 5000, 150000},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const fine_range* overstay = fine_on(rules().unlawful_stay_fines, D(r.on));
    const fine_range* registration = fine_on(rules().registration_fines, D(r.on));
    if (r.overstay_max == 0) {
      EXPECT_EQ(overstay, nullptr);
      EXPECT_EQ(registration, nullptr);
      continue;
    }
    ASSERT_NE(overstay, nullptr);
    ASSERT_NE(registration, nullptr);
    EXPECT_EQ(overstay->min, r.overstay_min);
    EXPECT_EQ(overstay->max, r.overstay_max);
    EXPECT_EQ(registration->min, r.registration_min);
    EXPECT_EQ(registration->max, r.registration_max);
    expect_followable(overstay->cited);
    expect_followable(registration->cited);
  }
}

// A broken rules folder: a copy of rules/ with one file corrupted.
// ---------------------------------------------------------------------------------------------

class BrokenRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device seed;
    dir_ = fs::temp_directory_path() / ("boravak-rules-test-" + std::to_string(seed()));
    fs::create_directories(dir_);
    fs::copy(BORAVAK_RULES_DIR, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> read_lines(const std::string& file) const {
    std::ifstream in(dir_ / file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }
  void write_lines(const std::string& file, const std::vector<std::string>& lines) const {
    std::ofstream out(dir_ / file, std::ios::trunc);
    for (const std::string& line : lines) out << line << "\n";
  }
  // The 0-based index of the first line at or after `from` that starts (after spaces) with `text`.
  static std::size_t find_line(const std::vector<std::string>& lines, const std::string& text, std::size_t from = 0) {
    for (std::size_t i = from; i < lines.size(); ++i) {
      const std::size_t start = lines[i].find_first_not_of(' ');
      if (start != std::string::npos && lines[i].compare(start, text.size(), text) == 0) return i;
    }
    throw std::runtime_error("no line starts with " + text);
  }

  fs::path dir_;
};

TEST_F(BrokenRulesTest, TheErrorNamesTheFileAndTheLine) {
  struct row {
    std::string name;
    std::string file;
    // Corrupts the lines and returns the 1-based line the error must name (0: no line).
    std::function<int(std::vector<std::string>&)> corrupt;
    std::string mentions;
  };
  const std::vector<row> rows = {
      {"A line that is not TOML in regimes.toml is refused at that line.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t at = find_line(lines, "[per_entry_30]") + 1;
         lines.insert(lines.begin() + long(at), "limit = = 30");
         return int(at) + 1;
       },
       ""},
      {"A period without sources is refused at the period's header line.", "stay/citizenship.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[[rule.period]]", find_line(lines, "countries = [\"RU\"]"));
         lines.erase(lines.begin() + long(find_line(lines, "sources =", header)));
         return int(header) + 1;
       },
       "sources"},
      {"A value citing a source that is not in rules/sources/ is refused at its line.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t at = find_line(lines, "sources =", find_line(lines, "[per_entry_30]"));
         lines[at] = "sources = [\"our_notes\"]";
         return int(at) + 1;
       },
       "our_notes"},
      {"A value without the day it was checked is refused.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[per_entry_30]");
         lines.erase(lines.begin() + long(find_line(lines, "checked =", header)));
         return int(header) + 1;
       },
       "checked"},
      {"\"primary\" without a primary source among the sources is refused.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t at = find_line(lines, "sources =", find_line(lines, "[per_entry_30]"));
         lines[at] = "sources = [\"passport_index_2025\"]";
         return int(find_line(lines, "confidence =", at)) + 1;
       },
       "primary"},
      {"\"two_secondary\" with a single source is refused.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[per_entry_30]");
         lines[find_line(lines, "sources =", header)] = "sources = [\"passport_index_2025\"]";
         const std::size_t at = find_line(lines, "confidence =", header);
         lines[at] = "confidence = \"two_secondary\"";
         return int(at) + 1;
       },
       "two_secondary"},
      {"A source without a title is refused at its table.", "sources/acts.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[source.law_on_foreigners]");
         lines.erase(lines.begin() + long(find_line(lines, "title =", header)));
         return int(header) + 1;
       },
       "title"},
      {"A source nobody can follow (no link, no gazette) is refused.", "sources/acts.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[source.mup_temporary_residence]");
         lines.erase(lines.begin() + long(find_line(lines, "url =", header)));
         return int(header) + 1;
       },
       "url"},
      {"A period with two readings that are not marked disputed is refused.", "stay/citizenship.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[[rule.period]]", find_line(lines, "countries = [\"JP\"]"));
         const std::size_t reading = find_line(lines, "[[rule.period.reading]]", header);
         lines[find_line(lines, "confidence =", reading)] = "    confidence = \"primary\"";
         return int(header) + 1;
       },
       "disputed"},
      {"A reading that names an unknown regime is refused at the reading's header line.", "stay/citizenship.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t reading = find_line(lines, "[[rule.period.reading]]", find_line(lines, "countries = [\"RU\"]"));
         const std::size_t regime = find_line(lines, "regime =", reading);
         lines[regime] = "    regime = \"per_entry_31\"";
         return int(reading) + 1;
       },
       "per_entry_31"},
      {"A regime of an unknown kind is refused at its kind line.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t kind = find_line(lines, "kind =", find_line(lines, "[per_entry_30]"));
         lines[kind] = "kind = \"weekly\"";
         return int(kind) + 1;
       },
       "kind"},
      {"Periods out of order are refused at the later period's header line.", "stay/citizenship.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t first = find_line(lines, "[[rule.period]]", find_line(lines, "countries = [\"IN\"]"));
         const std::size_t second = find_line(lines, "[[rule.period]]", first + 1);
         lines[find_line(lines, "from =", second)] = "  from = 2022-12-01";
         return int(second) + 1;
       },
       "ascend"},
      {"A visa_free period without readings is refused at its header line.", "stay/citizenship.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[[rule.period]]", find_line(lines, "countries = [\"CN\"]"));
         const std::size_t reading = find_line(lines, "[[rule.period.reading]]", header);
         // The reading is five lines: header, regime, sources, confidence, checked.
         lines.erase(lines.begin() + long(reading), lines.begin() + long(reading) + 5);
         return int(header) + 1;
       },
       "reading"},
      {"An unknown confidence is refused at its line.", "stay/regimes.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t confidence = find_line(lines, "confidence =", find_line(lines, "[rolling_90_180]"));
         lines[confidence] = "confidence = \"C2\"";
         return int(confidence) + 1;
       },
       "C2"},
      {"A crossing whose neighbour is not a country is refused at the crossing.", "visarun/crossings.toml",
       [](std::vector<std::string>& lines) {
         const std::size_t header = find_line(lines, "[[crossing]]");
         lines[find_line(lines, "neighbour =", header)] = "neighbour = \"QQ\"";
         return int(header) + 1;
       },
       "QQ"},
      {"A missing file is named.", "visarun/cities.toml",
       [](std::vector<std::string>& lines) {
         lines.clear();
         return -1;  // the file is deleted below
       },
       "missing"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    TearDown();
    SetUp();
    std::vector<std::string> lines = read_lines(r.file);
    const int line = r.corrupt(lines);
    if (line == -1) {
      fs::remove(dir_ / r.file);
    } else {
      write_lines(r.file, lines);
    }
    try {
      rules_loader::load_rules(dir_);
      ADD_FAILURE() << "the broken rules were loaded";
    } catch (const rules_loader::rules_error& e) {
      const std::string message = e.what();
      const std::string where = "rules/" + r.file + (line > 0 ? ":" + std::to_string(line) + ":" : ":");
      EXPECT_EQ(message.rfind(where, 0), 0u) << "expected \"" << where << "\" at the start of: " << message;
      EXPECT_NE(message.find(r.mentions), std::string::npos) << message;
    }
  }
}

// A change of law is an edit of rules/ alone: move a regime date and a fee date in a copy of the
// rules, and the answers move with them.
TEST_F(BrokenRulesTest, MovingADateInTheDataMovesTheAnswer) {
  std::vector<std::string> lines = read_lines("stay/citizenship.toml");
  const std::size_t ua = find_line(lines, "countries = [\"UA\"]");
  lines[find_line(lines, "to = 2021-10-14", ua)] = "  to = 2021-12-31";
  lines[find_line(lines, "from = 2021-10-15", ua)] = "  from = 2022-01-01";
  write_lines("stay/citizenship.toml", lines);

  std::vector<std::string> fees = read_lines("permit/fees.toml");
  const std::size_t portal = find_line(fees, "id = \"portal_2026\"");
  const std::size_t from = find_line(fees, "from =", portal);
  const std::string old_from = fees[from];
  fees[from] = "from = 2026-11-15";
  write_lines("permit/fees.toml", fees);

  const rule_set original = rules_loader::load_rules(BORAVAK_RULES_DIR);
  const rule_set moved = rules_loader::load_rules(dir_);
  const country& ua_o = *original.find_country("UA");
  const country& ua_m = *moved.find_country("UA");
  const date between = D("2021-11-15");
  EXPECT_EQ(original.regimes[*original.entry_rule(ua_o, between).readings.front().regime_index].id, "rolling_90_180");
  EXPECT_EQ(moved.regimes[*moved.entry_rule(ua_m, between).readings.front().regime_index].id, "fixed_30_60_days");
  EXPECT_EQ(moved.regimes[*moved.entry_rule(ua_m, D("2022-01-01")).readings.front().regime_index].id, "rolling_90_180");

  const auto permits_o = rules_loader::load_permit_rules(BORAVAK_RULES_DIR);
  const auto permits_m = rules_loader::load_permit_rules(dir_);
  const date mid_november = D("2026-11-10");
  ASSERT_NE(permit::fee_set_on(permits_o, mid_november), nullptr);
  ASSERT_NE(permit::fee_set_on(permits_m, mid_november), nullptr);
  EXPECT_EQ(permit::fee_set_on(permits_o, mid_november)->id, "portal_2026") << old_from;
  EXPECT_NE(permit::fee_set_on(permits_m, mid_november)->id, "portal_2026");
  EXPECT_EQ(permit::fee_set_on(permits_m, D("2026-11-15"))->id, "portal_2026");
}

TEST(RulesLoaderTest, AMissingFolderIsARulesError) {
  try {
    rules_loader::load_rules("/nonexistent/boravak/rules");
    ADD_FAILURE() << "a missing folder was accepted";
  } catch (const rules_loader::rules_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/boravak/rules"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace boravak
