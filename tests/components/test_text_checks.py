"""Warnings for input the extractor is not for: an HTML page, another language, a text that is no
conference news. English news from anywhere, however many foreign names it holds, gets none."""

from pathlib import Path

import pytest

from extractor.components.text_checks import MIN_ENGLISH_SHARE, EnglishCheck, words

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
HTML = "the text looks like HTML markup"
NOT_ENGLISH = "the text does not look like English"
NO_SIGNALS = "the text shows no sign of conference news"

FOREIGN = {
    "vietnamese": (
        "Sáng ngày 31 tháng 7, Ủy ban nhân dân tỉnh Quảng Ninh tổ chức hội nghị sơ kết công tác sáu tháng đầu năm "
        "và triển khai nhiệm vụ sáu tháng cuối năm 2024. Đồng chí Cao Tường Huy, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban "
        "nhân dân tỉnh chủ trì hội nghị. Theo báo cáo, tăng trưởng kinh tế của tỉnh đạt 9,5%, thu ngân sách nhà nước "
        "đạt hơn 26 nghìn tỷ đồng. Phát biểu kết luận, Chủ tịch tỉnh yêu cầu các sở, ngành tập trung tháo gỡ khó khăn "
        "cho doanh nghiệp, đẩy nhanh tiến độ giải ngân vốn đầu tư công và bảo đảm an sinh xã hội cho người dân."),
    "french": (
        "Le 12 mars, le ministre de l'Économie a présidé une conférence régionale consacrée au financement des "
        "petites et moyennes entreprises. Devant plus de deux cents participants, il a rappelé que le gouvernement "
        "entend simplifier les procédures administratives et faciliter l'accès au crédit. Les représentants des "
        "chambres de commerce ont salué ces annonces, tout en demandant un calendrier précis. On attend désormais la "
        "publication d'un décret d'application avant la fin de l'année, selon les services du ministère. Une nouvelle "
        "réunion est prévue au mois de juin pour dresser un premier bilan."),
    "spanish": (
        "El pasado lunes, el alcalde de la ciudad inauguró el foro anual de desarrollo sostenible, que reunió a "
        "representantes de más de treinta municipios de la región. Durante su intervención, destacó la importancia "
        "de invertir en transporte público y en energías renovables para reducir las emisiones. Los participantes "
        "aprobaron una declaración conjunta en la que se comprometen a compartir datos y a coordinar sus planes de "
        "movilidad. La próxima edición del encuentro se celebrará en octubre, según informó la oficina de prensa del "
        "ayuntamiento."),
    # "Was", "will" and "Also" are German words too: the share stays far below the threshold.
    "german": (
        "Am Dienstag hat der Landrat die jährliche Konferenz der Bürgermeister im Rathaus eröffnet. In seiner Rede "
        "betonte er, dass die Gemeinden mehr Unterstützung beim Ausbau der digitalen Infrastruktur brauchen. Was die "
        "Finanzierung betrifft, will das Land bis Ende des Jahres ein neues Förderprogramm vorlegen. Die Teilnehmer "
        "diskutierten außerdem über den Mangel an Fachkräften in der Pflege und über die Sanierung von Schulen. Also "
        "wurde beschlossen, eine gemeinsame Arbeitsgruppe einzurichten, die im Herbst erste Ergebnisse vorstellen "
        "soll."),
    "indonesian": (
        "Gubernur Jawa Barat membuka rapat koordinasi pembangunan daerah di Bandung pada hari Senin. Dalam "
        "sambutannya, gubernur meminta para bupati dan wali kota untuk mempercepat penyerapan anggaran dan "
        "meningkatkan kualitas layanan publik. Rapat tersebut dihadiri oleh perwakilan dari kementerian, pemerintah "
        "kabupaten, dan kalangan dunia usaha. Para peserta sepakat untuk memperkuat kerja sama dalam pengendalian "
        "inflasi serta penyediaan lapangan kerja bagi generasi muda. Hasil rapat akan dilaporkan kepada pemerintah "
        "pusat pada akhir bulan ini."),
    "malay": (
        "Menteri Besar Selangor telah merasmikan persidangan pelaburan negeri di Shah Alam semalam. Dalam ucapannya, "
        "beliau berkata kerajaan negeri akan terus menyokong syarikat kecil dan sederhana melalui pelbagai insentif "
        "serta latihan kemahiran. Persidangan itu turut dihadiri oleh wakil agensi kerajaan persekutuan, pihak "
        "berkuasa tempatan dan pertubuhan bukan kerajaan. Para peserta bersetuju untuk menubuhkan jawatankuasa "
        "bersama bagi memantau pelaksanaan projek infrastruktur utama. Laporan penuh mesyuarat tersebut dijangka "
        "dibentangkan pada bulan hadapan."),
    # No spaces between words: each character counts as one.
    "chinese": (
        "7月31日上午，省人民政府召开全省经济工作会议，总结上半年经济运行情况，部署下半年重点任务。省长在会上强调，"
        "要坚持稳中求进工作总基调，加快推进重大项目建设，持续优化营商环境，切实保障和改善民生。会议指出，上半年全省"
        "地区生产总值同比增长百分之六点五，固定资产投资保持较快增长。各市、县政府和省直有关部门主要负责同志参加会议。"),
    "russian": (
        "Во вторник губернатор области провёл совещание с главами муниципальных образований, посвящённое подготовке "
        "к отопительному сезону. В своём выступлении он подчеркнул, что все котельные должны быть проверены до конца "
        "сентября, а запасы топлива сформированы в полном объёме. Участники совещания обсудили также ремонт дорог и "
        "строительство новых школ. По итогам встречи было поручено подготовить план мероприятий и представить его в "
        "правительство области в течение двух недель."),
    "arabic": (
        "افتتح وزير الاقتصاد صباح يوم الثلاثاء المؤتمر السنوي للاستثمار في العاصمة، بمشاركة عدد كبير من رجال الأعمال "
        "وممثلي المؤسسات الدولية. وأكد الوزير في كلمته أن الحكومة تعمل على تحسين بيئة الأعمال وتسهيل الإجراءات أمام "
        "المستثمرين المحليين والأجانب. وناقش المشاركون خلال الجلسات عددا من المحاور المتعلقة بالطاقة المتجددة والبنية "
        "التحتية والتحول الرقمي. ومن المقرر أن تصدر توصيات المؤتمر في نهاية الأسبوع الجاري."),
}

# English news full of names from Vietnam, Laos, Cambodia, Malaysia, Nigeria, Ghana and India.
NAMES_NEWS = (
    "Attending the conference were Nguyen Van Thang, Secretary of the Provincial Party Committee; Tran Thi Thu Hang, "
    "Vice Chairwoman of the Provincial People's Committee; Bounthong Chitmany, Vice President of the Lao People's "
    "Democratic Republic; Hun Many, Minister of Civil Service of Cambodia; Datuk Seri Anwar Ibrahim; Chief Olusegun "
    "Adeyemi of Ogun State; Kwame Asante Boateng, Municipal Chief Executive of Cape Coast; and Shri Rajesh Kumar "
    "Singh, Secretary of the Department of Agriculture. In his opening speech, Mr. Thang said the province had met "
    "18 of its 20 targets for the year and would focus on public investment in the months ahead.")

ARTICLE = (
    "On July 31, Quang Tri province held a conference to review five years of implementing Resolution 12-NQ/TU on "
    "rural roads. Mr. Le Duc Tien, Chairman of the Provincial People's Committee, chaired the conference. According "
    "to the report, the province has built more than 1,200 kilometres of roads since 2019, and 85 percent of its "
    "communes now meet the new rural standards. Speaking at the conference, he asked the districts to speed up the "
    "projects that are behind schedule.")

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Quang Tri reviews rural roads</title>
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body>
<div class="menu"><a href="/">Home</a> | <a href="/news">News</a></div>
<article><h1>Quang Tri reviews rural roads</h1>
<p>{ARTICLE.replace("Mr. ", "Mr.&nbsp;")}</p>
</article>
<footer>&copy; 2024 Provincial Portal</footer>
</body>
</html>
"""

RECIPE = (
    "Classic tomato soup\n\nIngredients: 2 tablespoons olive oil, 1 onion, 3 cloves of garlic, 800 g canned "
    "tomatoes, 500 ml vegetable stock, salt and pepper.\n\nHeat the oil in a large pot over medium heat. Add the "
    "chopped onion and cook for five minutes until soft, then stir in the garlic. Pour in the tomatoes and the stock, "
    "bring to a boil and let it simmer for twenty minutes. Blend until smooth, season with salt and pepper, and serve "
    "hot with a slice of toasted bread. The soup keeps for three days in the fridge.\n")

MANUAL = (
    "Getting started with your coffee maker\n\nBefore first use, rinse the water tank and the filter holder with warm "
    "water. Fill the tank up to the MAX mark and place the carafe on the warming plate. Press the power button once: "
    "the light turns green when the machine is ready. To brew, put one scoop of ground coffee per cup into the filter "
    "and press the brew button. Do not open the lid while the machine is brewing. Descale the machine every two "
    "months with the descaling solution supplied, following the steps in section 5 of this manual. If the light "
    "blinks red, unplug the machine and contact customer service.\n")

CODE = '''import csv
from pathlib import Path


def read_totals(path: Path) -> dict[str, float]:
    """Sum the amount column of a CSV file per account."""
    totals: dict[str, float] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            account = row["account"].strip()
            totals[account] = totals.get(account, 0.0) + float(row["amount"])
    return totals


if __name__ == "__main__":
    for account, total in sorted(read_totals(Path("ledger.csv")).items()):
        print(f"{account}: {total:.2f}")
'''


def warnings(loaded, text):
    """The text checks' warnings for a text (other stages' left out)."""
    return [w for w in loaded.extract(text).warnings if w.startswith("the text ")]


@pytest.mark.parametrize("text", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_language(loaded, text):
    found = warnings(loaded, text)
    # Only this one: the conference signals are English words, their absence says nothing here.
    assert len(found) == 1 and found[0].startswith(NOT_ENGLISH), found
    assert EnglishCheck().share(words(text)) < MIN_ENGLISH_SHARE / 2  # a wide margin, not a near miss


@pytest.mark.parametrize("text", [ARTICLE, NAMES_NEWS], ids=["article", "foreign_names"])
def test_english_news_gets_no_warning(loaded, text):
    assert warnings(loaded, text) == []
    assert EnglishCheck().share(words(text)) > MIN_ENGLISH_SHARE * 2


def test_a_corpus_article_gets_no_warning(loaded):
    text = (CORPUS / "d000.txt").read_text(encoding="utf-8")
    assert loaded.extract(text, published="2024-07-31").warnings == []


def test_html_page(loaded):
    found = warnings(loaded, PAGE)
    assert len(found) == 1 and found[0].startswith(HTML), found
    assert found[0] == ("the text looks like HTML markup (28 tags and entities): give the article's text, "
                        "not the page")


@pytest.mark.parametrize("text", [
    # One stray entity from a feed, and angle brackets that are no tags.
    ARTICLE.replace(" and 85", " &amp; 85"),
    ARTICLE + " Roads < 5 km long and > 2 m wide were counted <once>, if a < b and c > d.",
], ids=["one_entity", "angle_brackets"])
def test_a_little_markup_is_no_page(loaded, text):
    assert warnings(loaded, text) == []


def test_warnings_of_earlier_stages_are_kept(loaded):
    page = PAGE.replace("on rural roads.", "on rural roads. Directive No. 05-NQ/TW on discipline was read.")
    found = loaded.extract(page).warnings
    assert found[0].startswith("document 05-NQ/TW") and found[1].startswith(HTML), found


@pytest.mark.parametrize("text", [RECIPE, MANUAL, CODE], ids=["recipe", "manual", "source_code"])
def test_no_conference_signals(loaded, text):
    assert warnings(loaded, text) == [
        "the text shows no sign of conference news (no event such as a conference, meeting or ceremony, no official "
        "with a role, no document cited): give a news article about such an event"]


@pytest.mark.parametrize("text", [
    FOREIGN["vietnamese"][:120],
    "Heat the oil in a large pot over medium heat, then add the onion.",
    "The budget was 5 billion VND.",
], ids=["short_vietnamese", "short_recipe", "one_sentence"])
def test_short_texts_are_not_judged(loaded, text):
    assert warnings(loaded, text) == []
