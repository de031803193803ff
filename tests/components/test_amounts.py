"""extractor_amounts: each shape of amount the genre writes, and the numbers that are no amounts."""

import pytest


def amounts(loaded, text):
    return loaded.nlp(text)._.amounts


def one(loaded, text):
    found = amounts(loaded, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, currency, unit", [
    # Currency before the number, scale words after.
    ("Revenue reached VND 5,075.5 billion last year.", 5_075_500_000_000, "VND", None),
    ("Exports hit USD 3.5 billion.", 3_500_000_000, "USD", None),
    ("The plant cost US$120 million.", 120_000_000, "USD", None),
    ("A grant of $2 million was announced.", 2_000_000, "USD", None),
    ("Works worth Rs.6,000 crore were sanctioned.", 60_000_000_000, "INR", None),
    ("The estimate was Rs 1.96 lakh crore.", 1_960_000_000_000, "INR", None),
    ("Checks worth P14.5 million were handed over.", 14_500_000, "PHP", None),
    ("The P412.7-million budget passed.", 412_700_000, "PHP", None),
    ("The fund holds GH¢4,215,600.00 today.", 4_215_600, "GHS", None),
    ("The state received ₦1.42 trillion.", 1_420_000_000_000, "NGN", None),
    ("It invested RMB 8.2 billion yuan.", 8_200_000_000, "CNY", None),
    ("Firms pledged S$40 million.", 40_000_000, "SGD", None),
    ("The government will channel RM1.2 billion in subsidies.", 1_200_000_000, "MYR", None),
    ("Bulog will disburse Rp3.5 trillion.", 3_500_000_000_000, "IDR", None),
    ("The allocation is Tk 2,500 crore.", 25_000_000_000, "BDT", None),
    ("The province spent R1.2 billion.", 1_200_000_000, "ZAR", None),
    ("The county budget is Sh21.6 billion.", 21_600_000_000, "KES", None),
    ("The state will spend RM1.6bil on the line.", 1_600_000_000, "MYR", None),
    # Currency after the number.
    ("Sales reached 1.2 trillion dong.", 1_200_000_000_000, "VND", None),
    ("The budget is 2,437 billion VND.", 2_437_000_000_000, "VND", None),
    ("Projects need 41.9 billion baht.", 41_900_000_000, "THB", None),
    ("Revenue was 2,874 billion kip.", 2_874_000_000_000, "LAK", None),
    ("The ministry spent 1,210 billion riel.", 1_210_000_000_000, "KHR", None),
    ("Investors brought 180 million US dollars.", 180_000_000, "USD", None),
    ("The bank lent 5 billion won.", 5_000_000_000, "KRW", None),
    ("Tokyo gave 3 billion yen.", 3_000_000_000, "JPY", None),
    ("The EU granted 20 million euros.", 20_000_000, "EUR", None),
    ("Farmers got 800 million shillings.", 800_000_000, "KES", None),
    # A per-unit after the currency.
    ("Income was 62 million VND/person/year.", 62_000_000, "VND", "person/year"),
], ids=["vnd_before", "usd_code", "us_dollar_sign", "dollar_sign", "rupees_crore", "lakh_crore", "peso_p",
        "hyphenated_scale", "cedi_decimals", "naira_sign", "rmb_and_yuan", "singapore", "ringgit", "rupiah", "taka_crore", "rand", "kenya_sh", "bil", "dong_after",
        "vnd_after", "baht", "kip", "riel", "us_dollars_words", "won", "yen", "euros", "shillings",
        "per_person_year"])
def test_money(loaded, text, value, currency, unit):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.currency, amount.unit) == ("money", pytest.approx(value),
                                                                                       currency, unit)


@pytest.mark.parametrize("text, qualifier", [
    ("Income reached nearly 74 million VND a year.", "nearly"),
    ("The city spent over VND 1,020 billion.", "over"),
    ("It costs about USD 4 million.", "about"),
    ("Capital of more than 100 million yuan was raised.", "more than"),
    ("A budget of up to 41 billion baht was set.", "up to"),
], ids=["nearly", "over", "about", "more_than", "up_to"])
def test_qualifiers_make_amounts_approximate(loaded, text, qualifier):
    amount = one(loaded, text)
    assert amount.approximate and amount.qualifier == qualifier
    assert amount.text.startswith(qualifier)


@pytest.mark.parametrize("text, kind, values, currency", [
    # Both ends of a range are amounts; each carries the range.
    ("Each commune gets VND 5-7 billion.", "money", [5e9, 7e9], "VND"),
    ("Each commune gets from 5 to 7 billion dong.", "money", [5e9, 7e9], "VND"),
    ("Growth of 7% to 7.5% is planned.", "percent", [7, 7.5], None),
    ("Growth from 5 to 7 per cent is planned.", "percent", [5, 7], None),
    ("Growth between 5 and 6 percent is planned.", "percent", [5, 6], None),
], ids=["money_dash", "money_from_to", "percent_both_signs", "percent_from_to", "between_and"])
def test_ranges(loaded, text, kind, values, currency):
    found = amounts(loaded, text)
    assert [a.value for a in found] == pytest.approx(values)
    assert all(a.kind == kind and a.currency == currency for a in found)
    assert all((a.min, a.max) == pytest.approx((min(values), max(values))) for a in found)


@pytest.mark.parametrize("text, kind, value, unit", [
    ("Coverage rose to 24% this year.", "percent", 24, "percent"),
    ("Output is up 8 per cent.", "percent", 8, "percent"),
    ("Output is up 8 percent.", "percent", 8, "percent"),
    ("Some 99.9 % of homes have water.", "percent", 99.9, "percent"),
    ("The rate fell 1.5 percentage points.", "percent", 1.5, "percentage point"),
    ("Lending rose 3.07-fold.", "multiplier", 3.07, None),
    ("It was a 31.9-fold increase.", "multiplier", 31.9, None),
    ("Income is 28 times higher than before.", "multiplier", 28, None),
    ("The standard is 1.4 times the national one.", "multiplier", 1.4, None),
    # Hyphenated before a noun.
    ("Each town keeps a 20-percent development fund.", "percent", 20, "percent"),
    ("It was a 2.1-percentage-point drop.", "percent", 2.1, "percentage point"),
], ids=["percent_sign", "per_cent", "percent_word", "percent_spaced", "percentage_points", "fold",
        "fold_increase", "whole_times_comparison", "decimal_times", "hyphenated_percent", "hyphenated_points"])
def test_rates(loaded, text, kind, value, unit):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.unit) == (kind, pytest.approx(value), unit)


@pytest.mark.parametrize("text, kind, value, unit", [
    ("The program reached 602,836 households.", "count", 602836, "household"),
    ("In 2023, 56 communes met the standard.", "count", 56, "commune"),
    ("More than 22 lakh cheap houses were built.", "count", 2_200_000, "house"),
    ("The agency will train 120,000 frontline health workers.", "count", 120000, "health worker"),
    ("The city built three schools.", "count", 3, "school"),
    ("Nearly 20 thousand people came.", "count", 20000, "person"),
    ("Farmers planted 2,000 ha of rice.", "quantity", 2000, "hectare"),
    ("The port handled 300 tons of cargo.", "quantity", 300, "tonne"),
    ("Laos will sell 5,000 MW of power.", "quantity", 5000, "MW"),
    # What stands between a number and the noun it counts, read from the tags.
    ("The fair drew 415 domestic and foreign investors.", "count", 415, "investor"),
    ("The district has 38 newly established cooperatives.", "count", 38, "cooperative"),
    ("Officials listed 17 planned irrigation projects.", "count", 17, "irrigation project"),
    ("The council reviewed 26 socio-economic targets.", "count", 26, "target"),
    ("The region counts 12 provinces and cities.", "count", 12, "province"),
    ("He thanked the two countries' ministries.", "count", 2, "country"),
], ids=["households", "after_a_year", "lakh_houses", "compound_noun", "number_word", "words_and_scale",
        "hectares", "tons", "megawatts", "coordinated_adjectives", "adverb_and_participle",
        "participle_and_compound", "hyphenated_modifier", "first_of_two_nouns", "possessive_ends"])
def test_counts_and_quantities(loaded, text, kind, value, unit):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.unit) == (kind, pytest.approx(value), unit)


@pytest.mark.parametrize("text", [
    "The plan runs to 2030.",
    "The meeting was held on October 2 and 3.",
    "It was held on 19th September 2024.",
    "He cited Directive 40-CT/TW in his speech.",
    "They followed Decree No. 02 closely.",
    "They discussed Directive 40 in detail.",
    "The 19th session opened.",
    "The 2021-2026 term began.",
    "The meeting started at 10:00 am.",
    "Call 024 3825 1234 for details.",
    "The plan covers 10 years of work.",
    "They met 3 times in May.",
    "The 51-member committee met.",
    "The line carries 500 kV lines of power.",
], ids=["year", "days_of_a_month", "ordinal_date", "document_code", "document_number", "document_short_form",
        "ordinal", "term", "time", "phone_number", "duration", "frequency", "hyphenated_modifier",
        "unit_rating_a_noun"])
def test_not_amounts(loaded, text):
    assert amounts(loaded, text) == []


def test_evidence_points_into_the_text(loaded):
    text = "Revenue reached VND 5,075.5 billion, up 24%."
    for amount in amounts(loaded, text):
        evidence = amount.evidence
        assert text[evidence.start:evidence.end] == evidence.text == amount.text
        assert evidence.rule in ("amounts.currency_before", "amounts.percent")


def test_decimal_comma_text(loaded):
    """A text that writes decimal commas ('1,2') reads '1.020' as one thousand and twenty."""
    found = amounts(loaded, "Revenue grew 3,85% to VND 1.020 billion.")
    assert [a.value for a in found] == pytest.approx([3.85, 1_020_000_000_000])


# Issue 13: a symbol several countries write is read as the article's country's currency.
@pytest.mark.parametrize("text, currency", [
    ("LAHORE: The Punjab government allocated Rs54 billion for health cards.", "PKR"),
    ("COLOMBO: The cabinet approved Rs. 2 billion for the project in Sri Lanka.", "LKR"),
    ("Kathmandu: Nepal's ministry released Rs 300 million.", "NPR"),
    ("BENGALURU: The state set aside Rs 500 crore for roads.", "INR"),
    ("NAIROBI: The county set aside Sh200 million.", "KES"),
    ("DODOMA: The ministry will spend Sh2 billion on roads in Tanzania.", "TZS"),
    ("KAMPALA: Uganda's council approved Sh5 billion for schools.", "UGX"),
    ("CANBERRA: The Australian minister announced $5 million for Vietnam.", "USD"),
    ("The Pakistani delegation visited; the fund holds INR 10 billion.", "INR"),
], ids=["pakistan_rs", "sri_lanka_rs", "nepal_rs", "india_rs", "kenya_sh", "tanzania_sh", "uganda_sh",
        "dollar_stays_usd", "written_code_stays"])
def test_currency_by_country(loaded, text, currency):
    assert one(loaded, text).currency == currency


def test_a_dangling_hyphen_before_percent(loaded):
    amount = one(loaded, "The province set a 10.14- percent growth target.")
    assert (amount.kind, amount.value) == ("percent", pytest.approx(10.14))


def test_pc_is_percent(loaded):
    amount = one(loaded, "LAHORE: Salaries will rise 10pc next year.")
    assert (amount.kind, amount.value) == ("percent", 10.0)


# Issue 15 (part): currencies by name, code and sign, a sign after the number, percent's other spellings.
@pytest.mark.parametrize("text, value, currency", [
    ("Toy exports fell to HK$ 10.05 billion last year.", 10.05e9, "HKD"),
    ("The fund raised 125 million Australian dollars.", 125e6, "AUD"),
    ("The charge came to C$300 million.", 300e6, "CAD"),
    ("Each seat costs 40 pounds.", 40.0, "GBP"),
    ("A meal costs 20€ in the capital.", 20.0, "EUR"),
    ("Workers earn 500 riyals a month.", 500.0, "SAR"),
    ("The plant cost 2 billion dirhams.", 2e9, "AED"),
    ("The council will spend TSh 2 billion on roads.", 2e9, "TZS"),
    ("The share price rose 34 cents on Monday.", 0.34, "USD"),
    ("The group bid 470 pence a share.", 4.7, "GBP"),
], ids=["hk_dollar_sign", "australian_dollars", "canadian_sign", "pounds", "euro_sign_after", "riyals", "dirhams",
        "tanzanian_shilling_code", "cents", "pence"])
def test_more_currencies(loaded, text, value, currency):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.currency) == ("money", pytest.approx(value), currency)


@pytest.mark.parametrize("text, value", [
    ("Coverage reached 100 percentage in the district.", 100.0),
    ("Growth of 30 percents was recorded.", 30.0),
], ids=["percentage", "percents"])
def test_percent_spellings(loaded, text, value):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.unit) == ("percent", value, "percent")


# Issue 15 (amounts): more shapes of money and percentages; each evidence is the text it names.
@pytest.mark.parametrize("text, kind, value, currency", [
    # A main unit and its sub-unit are one amount; 'cents' takes the main unit's currency.
    ("The province spent 3 dollars 50 cents per seedling.", "money", 3.5, "USD"),
    ("A bus ticket costs twelve dollars and forty cents.", "money", 12.4, "USD"),
    ("The levy is 4 euros 20 cents per tonne.", "money", 4.2, "EUR"),
    ("Stamps cost 2 pounds, 30 pence each.", "money", 2.3, "GBP"),
    # Number words with scale words and a currency name.
    ("The fund raised two million dong for flood victims.", "money", 2e6, "VND"),
    # A currency name hyphened to its number, before the noun it prices.
    ("The board approved a 15-cent dividend.", "money", 0.15, "USD"),
    ("Tokyo dropped its one-yen tender.", "money", 1.0, "JPY"),
    # A prefixed dollar with a space, in any case.
    ("Exports reached US $150 million in May.", "money", 150e6, "USD"),
    ("The mill was sold for c $ 16 million.", "money", 16e6, "CAD"),
    ("Orders rose to U.S. $ 2 billion.", "money", 2e9, "USD"),
    ("The peso deal was worth Mex$ 10 million.", "money", 10e6, "MXN"),
    # Signs after the number, in other scripts too.
    ("A bowl of pho costs 45,000₫ in Hanoi.", "money", 45000.0, "VND"),
    ("A night's stay was 300元 in Kunming.", "money", 300.0, "CNY"),
    ("The ferry ticket costs 50,000 ₭.", "money", 50000.0, "LAK"),
    # Currencies by name.
    ("The vendor makes 300 bucks a day.", "money", 300.0, "USD"),
    ("The tender was valued at 528 million francs.", "money", 528e6, "CHF"),
    ("DAKAR: Senegal set aside 528 million francs for the port.", "money", 528e6, "XOF"),
    ("Myanmar will spend 20 billion kyats on roads.", "money", 20e9, "MMK"),
    ("The bank lent 5 billion roubles to the plant.", "money", 5e9, "RUB"),
    ("The 1989 deal was worth 6.65 billion pesetas.", "money", 6.65e9, "ESP"),
    # A sign word makes a rate negative.
    ("Growth was minus 2.5 percent in the quarter.", "percent", -2.5, None),
    ("Inflation stood at negative 0.3 per cent.", "percent", -0.3, None),
    # The percent word before its number, the number ending the clause.
    ("The tax rate is set at per cent of twelve.", "percent", 12.0, None),
], ids=["dollars_and_cents", "words_dollars_and_cents", "euros_and_cents", "pounds_and_pence", "words_million_dong",
        "hyphenated_cent", "hyphenated_yen", "spaced_us_dollar", "lowercase_spaced_canadian", "dotted_us_dollar",
        "mexican_dollar", "dong_sign_after", "yuan_sign_after", "kip_sign_after", "bucks", "francs_default_swiss",
        "francs_in_senegal", "kyats", "roubles", "pesetas", "minus_percent", "negative_per_cent", "percent_first"])
def test_issue_15_shapes(loaded, text, kind, value, currency):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.currency) == (kind, pytest.approx(value), currency)
    assert text[amount.evidence.start:amount.evidence.end] == amount.evidence.text == amount.text


@pytest.mark.parametrize("text, value, written", [
    ("Donors gave a $5 million grant.", 5e6, "$5 million"),
    ("A $3 million grant was announced.", 3e6, "$3 million"),
    ("The new road cost us $7 million.", 7e6, "$7 million"),
    ("The company's $4 million plan was approved.", 4e6, "$4 million"),
], ids=["article_a", "capital_article_a", "pronoun_us", "possessive_s"])
def test_english_words_before_a_spaced_dollar_are_no_prefix(loaded, text, value, written):
    amount = one(loaded, text)
    assert (amount.value, amount.currency, amount.text) == (pytest.approx(value), "USD", written)


@pytest.mark.parametrize("text", [
    "Vietnam's U-23 won the regional final.",
    "See https://example.org/search?q=30%25%2020% for the list.",
], ids=["team_name_before_won", "url_encoding"])
def test_issue_15_not_amounts(loaded, text):
    assert [a for a in amounts(loaded, text) if a.kind in ("money", "percent")] == []


def test_percent_word_first_needs_the_clause_to_end(loaded):
    """'percent of 10 provinces' counts provinces; it states no percentage."""
    found = amounts(loaded, "Officials asked what percent of 10 provinces met the target.")
    assert [(a.kind, a.value) for a in found] == [("count", 10.0)]


# Issue 15 (amounts): number words count what they modify, with 'hundred' and 'dozen' as scale words.
@pytest.mark.parametrize("text, value, unit", [
    ("Officials from five provinces attended the forum.", 5, "province"),
    ("The committee approved one hundred and sixteen projects.", 116, "project"),
    ("The district built 3 hundred houses for poor families.", 300, "house"),
    ("The co-op sold two dozen cows last month.", 24, "cow"),
], ids=["five_provinces", "words_with_and", "digits_hundred", "words_dozen"])
def test_issue_15_counts(loaded, text, value, unit):
    amount = one(loaded, text)
    assert (amount.kind, amount.value, amount.currency, amount.unit) == ("count", value, None, unit)
    assert text[amount.evidence.start:amount.evidence.end] == amount.evidence.text == amount.text


def test_number_words_alone_count_nothing(loaded):
    """A number must count a noun: 'one hundred and sixteen' alone is no amount."""
    assert amounts(loaded, "The ministry said the total was one hundred and sixteen.") == []
