"""Writes outlet_pairs.jsonl: the outlet-pairs test set for deduplication (issue 12).

Written for whimbrel by its engineers (no copied news text). 20 pairs of reports of ONE
event by two outlets, each in its own words with a different lead, and 20 pairs of
DIFFERENT events of the same kind between the same actors on different days (two of
them sharing an outlet's boilerplate paragraph, so that they fall into one story
cluster). As in news writing, each article reports its event in its headline or first
paragraph; the test compares those (lead) reports. Each line: pair, same_event, id, source, url, published, title (the headline), text (the body).
Run it to rebuild the file after editing the texts here.
"""

import json
from pathlib import Path

SAME = [
    # (published A, outlet A, title A, text A, published B, outlet B, title B, text B)
    ("2023-10-17T09:00", "Reuters", "Putin hosts Erdogan in Sochi",
     "Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi on Monday. "
     "The two leaders discussed grain exports and the war in Ukraine during four hours of talks.",
     "2023-10-17T13:30", "Anadolu", "Erdogan presses grain deal on Black Sea visit",
     "Grain shipments topped the agenda as Turkish President Recep Tayyip Erdogan sat down with Vladimir Putin "
     "in the Russian resort of Sochi on Monday. Erdogan met Putin at the president's summer residence."),
    ("2023-06-06T18:00", "AP", "US sanctions Iranian oil network",
     "The United States imposed sanctions on Tuesday on a network of companies that ship Iranian oil to Asia. "
     "The Treasury said the firms had helped Iran evade earlier restrictions.",
     "2023-06-07T07:15", "Al Jazeera", "Washington targets oil shippers",
     "Tehran condemned the move as economic warfare. Washington on Tuesday sanctioned a dozen shipping firms "
     "accused of moving Iranian crude, the latest step in its pressure campaign against Iran."),
    ("2024-01-09T06:00", "AFP", "Israeli air strikes hit Khan Younis",
     "Israeli warplanes bombed Khan Younis in the Gaza Strip on Monday night, hitting several homes. "
     "Health officials in Gaza said dozens of Palestinians were killed.",
     "2024-01-09T10:40", "BBC", "Night of strikes in southern Gaza",
     "Rescue teams dug through rubble after a night of heavy bombardment. Israel's military struck Khan Younis "
     "on Monday, its army said, targeting Hamas fighters."),
    ("2024-03-12T08:00", "Xinhua", "China and Russia sign gas supply deal",
     "China and Russia signed a long-term natural gas supply agreement in Beijing on Monday. "
     "The deal extends deliveries through the Power of Siberia pipeline.",
     "2024-03-12T11:00", "TASS", "Moscow and Beijing seal energy pact",
     "Energy ties deepened as Moscow and Beijing inked a fresh gas accord. Russia and China signed the "
     "agreement on Monday after months of negotiations over price."),
    ("2023-11-09T07:00", "Dawn", "Troops trade fire along Line of Control",
     "Indian and Pakistani troops exchanged fire across the Line of Control in Kashmir on Wednesday night. "
     "Officials on both sides reported damage to homes in border villages.",
     "2023-11-09T12:00", "NDTV", "Ceasefire breached in Kashmir",
     "Villagers fled to bunkers as shelling lit up the night sky. The armies of India and Pakistan exchanged "
     "fire on Wednesday, officials said, in the first serious breach of the truce this year."),
    ("2023-07-13T04:00", "Yonhap", "Seoul condemns North Korean missile launch",
     "South Korea condemned North Korea on Wednesday for firing a long-range ballistic missile into the sea. "
     "The launch violated UN resolutions, Seoul said.",
     "2023-07-13T09:00", "NHK", "Missile lands off Japan's coast",
     "A long-range missile splashed down in the Sea of Japan on Wednesday. South Korean President Yoon "
     "Suk Yeol condemned the North Korean launch at an emergency meeting."),
    ("2023-12-06T05:00", "ABC News", "Albanese hosts Kishida in Canberra",
     "Japanese Prime Minister Fumio Kishida visited Canberra on Tuesday for talks with Anthony Albanese. "
     "The two leaders agreed to deepen defence cooperation.",
     "2023-12-06T08:30", "Kyodo", "Japan and Australia deepen security ties",
     "Defence cooperation was the focus as Australian Prime Minister Anthony Albanese met Fumio Kishida "
     "in the Australian capital on Tuesday."),
    ("2024-02-02T08:00", "Euronews", "EU approves 50 billion euros for Ukraine",
     "The European Union agreed on Thursday to give Ukraine 50 billion euros in aid over four years. "
     "Leaders reached the deal at a summit in Brussels.",
     "2024-02-02T11:00", "Kyiv Independent", "Kyiv welcomes EU lifeline",
     "Ukrainian officials hailed a breakthrough in Brussels. The EU pledged 50 billion euros in financial "
     "aid to Ukraine on Thursday after Hungary dropped its veto."),
    ("2022-09-22T06:00", "IranWire", "Police detain protesters in Tehran",
     "Iranian police arrested dozens of protesters in Tehran on Wednesday as demonstrations spread. "
     "Witnesses said officers used batons.",
     "2022-09-22T14:00", "Reuters", "Crackdown widens in Iran",
     "Security forces widened their crackdown on the fifth day of unrest. Police in Tehran detained scores "
     "of demonstrators on Wednesday, rights groups said."),
    ("2023-04-06T10:00", "DW", "Russia expels German diplomats",
     "Russia expelled 20 German diplomats on Wednesday in retaliation for a similar move by Berlin. "
     "The diplomats were given a week to leave.",
     "2023-04-06T15:00", "Interfax", "Moscow orders German embassy staff out",
     "In a tit-for-tat move, Moscow ordered the expulsion of German embassy staff. Russia expelled the "
     "diplomats on Wednesday, the foreign ministry said."),
    ("2023-03-11T08:00", "Al Arabiya", "Saudi Arabia and Iran agree to restore ties",
     "Saudi Arabia and Iran agreed on Friday to restore diplomatic relations after years of rivalry. "
     "The deal was brokered in Beijing.",
     "2023-03-11T12:00", "IRNA", "Tehran and Riyadh end seven-year rift",
     "A seven-year rift came to an end in Beijing. Iran and Saudi Arabia agreed on Friday to reopen "
     "embassies and restore relations, officials said."),
    ("2024-07-30T08:00", "EFE", "Protesters rally against Maduro in Caracas",
     "Thousands of Venezuelans protested in Caracas on Monday against President Nicolas Maduro. "
     "They accused the government of rigging the election.",
     "2024-07-30T13:00", "CNN", "Anger spills onto the streets of Caracas",
     "Anger over the disputed vote spilled onto the streets. Demonstrators rallied against Maduro's "
     "government in the capital Caracas on Monday."),
    ("2023-11-16T06:00", "Bloomberg", "Biden and Xi meet near San Francisco",
     "US President Joe Biden met Chinese President Xi Jinping near San Francisco on Wednesday. "
     "They agreed to resume military communications.",
     "2023-11-16T10:00", "South China Morning Post", "Xi and Biden hold first talks in a year",
     "Military hotlines will be restored after Xi Jinping and Joe Biden held talks in California on "
     "Wednesday, their first meeting in a year."),
    ("2023-06-19T07:00", "Geo News", "Pakistan accuses India of ceasefire violations",
     "Pakistan accused India on Sunday of violating the ceasefire in Kashmir. "
     "The foreign office said Indian troops had fired on civilians.",
     "2023-06-19T09:30", "The Hindu", "Islamabad lodges protest over border firing",
     "Islamabad lodged a formal protest over border firing. Pakistan on Sunday accused India of "
     "breaching the truce along the frontier."),
    ("2023-06-08T07:00", "Le Monde", "Macron receives Scholz in Paris",
     "French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris on Wednesday. "
     "They discussed European defence spending.",
     "2023-06-08T09:00", "Spiegel", "Scholz and Macron seek common line on defence",
     "Defence spending dominated the agenda. German Chancellor Olaf Scholz met Emmanuel Macron at the "
     "Elysee Palace on Wednesday."),
    ("2023-10-04T08:00", "Premium Times", "Nigerian troops kill militants in Borno",
     "Nigerian soldiers killed 18 militants in Borno State on Tuesday, the army said. "
     "The fighters belonged to Boko Haram.",
     "2023-10-04T12:00", "BBC", "Army reports gains against Boko Haram",
     "The army has reported fresh gains in the northeast. Nigeria's military killed Boko Haram fighters in "
     "a raid in Borno on Tuesday, a spokesman said."),
    ("2023-01-09T08:00", "Addis Standard", "Abiy and Isaias meet in Asmara",
     "Ethiopian Prime Minister Abiy Ahmed met Eritrean President Isaias Afwerki in Asmara on Sunday. "
     "They discussed the peace deal in Tigray.",
     "2023-01-09T11:00", "Reuters", "Ethiopian leader makes surprise trip to Eritrea",
     "In a surprise trip, Abiy Ahmed flew to Eritrea on Sunday. The Ethiopian leader held talks with "
     "Isaias Afwerki in the Eritrean capital."),
    ("2023-04-15T06:00", "Folha", "Lula meets Xi in Beijing",
     "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in Beijing on Friday. "
     "The two leaders signed trade agreements.",
     "2023-04-15T09:00", "Xinhua", "Xi welcomes Brazilian president",
     "Trade deals worth billions were signed on Friday. Xi Jinping welcomed Lula at the Great Hall of the "
     "People in Beijing for talks."),
    ("2024-04-03T07:00", "Times of Israel", "Iran threatens Israel after Damascus strike",
     "Iran threatened on Tuesday to retaliate against Israel for an air strike on its consulate in Damascus. "
     "Officials in Tehran vowed revenge.",
     "2024-04-03T10:00", "Al Jazeera", "Tehran vows response",
     "Tension rose across the region on Tuesday. Iranian leaders warned Israel that it would be punished "
     "for the strike in the Syrian capital."),
    ("2023-06-10T08:00", "El Tiempo", "Colombia and ELN agree ceasefire",
     "The Colombian government and the ELN rebels agreed on Friday to a six-month ceasefire. "
     "The deal was announced in Havana.",
     "2023-06-10T12:00", "AFP", "Havana talks yield truce",
     "Negotiators in Havana announced a truce on Friday. Colombia's government agreed to a ceasefire "
     "with ELN guerrillas after months of talks."),
]

DIFFERENT = [
    ("2024-01-09T06:00", "AFP", "Israeli strikes hit Rafah",
     "Israeli warplanes bombed Rafah in the Gaza Strip on Monday, hitting a residential block. "
     "Health officials said 12 Palestinians were killed.",
     "2024-01-12T10:40", "BBC", "New wave of strikes on Gaza",
     "A new wave of bombardment hit central Gaza. Israel's military struck Deir al-Balah on Thursday, "
     "its army said."),
    ("2023-03-01T18:00", "AP", "US sanctions Russian banks",
     "The United States imposed sanctions on Tuesday on four Russian banks. "
     "The Treasury said they helped fund the war.",
     "2023-05-20T07:15", "Reuters", "Washington widens penalties on Moscow",
     "Washington on Friday sanctioned more than 200 Russian companies and individuals, widening its "
     "pressure on Russia's war economy."),
    ("2023-09-05T09:00", "Reuters", "Putin hosts Erdogan in Sochi",
     "Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi on Monday. "
     "They discussed the Black Sea grain deal.",
     "2023-10-13T13:30", "Anadolu", "Erdogan and Putin meet in Astana",
     "Turkish President Recep Tayyip Erdogan met Vladimir Putin in Astana on Thursday on the sidelines "
     "of a regional summit."),
    ("2023-07-13T04:00", "Yonhap", "Seoul condemns missile launch",
     "South Korea condemned North Korea on Wednesday for firing a long-range ballistic missile into the sea.",
     "2023-07-20T09:00", "NHK", "North fires again",
     "A week after its last test, North Korea fired two short-range missiles on Wednesday. South Korea "
     "condemned the new launch."),
    ("2024-07-30T08:00", "EFE", "Protesters rally against Maduro",
     "Thousands of Venezuelans protested in Caracas on Monday against President Nicolas Maduro.",
     "2024-08-18T13:00", "CNN", "Opposition returns to the streets",
     "Opposition supporters rallied again against Maduro's government in Caracas on Saturday, three weeks "
     "after the disputed election."),
    ("2023-11-09T07:00", "Dawn", "Troops trade fire in Kashmir",
     "Indian and Pakistani troops exchanged fire across the Line of Control on Wednesday night.",
     "2023-11-21T12:00", "NDTV", "Fresh shelling in Kashmir",
     "The armies of India and Pakistan exchanged fire again on Monday, officials said, twelve days after "
     "the last clash."),
    ("2022-09-22T06:00", "IranWire", "Police detain protesters",
     "Iranian police arrested dozens of protesters in Tehran on Wednesday.",
     "2022-10-01T14:00", "Reuters", "Arrests continue in Iran",
     "Police in Tehran detained scores of students on Saturday as protests entered a third week."),
    ("2023-02-04T08:00", "Global Times", "China accuses US over balloon",
     "China accused the United States on Friday of overreacting to a stray civilian balloon.",
     "2023-02-14T08:00", "SCMP", "Beijing hits back at Washington",
     "Beijing on Monday accused Washington of flying high-altitude balloons over Chinese territory more "
     "than ten times."),
    ("2022-03-19T08:00", "Bloomberg", "Biden and Xi speak by phone",
     "US President Joe Biden spoke with Chinese President Xi Jinping by phone on Friday about the war in Ukraine.",
     "2022-07-29T08:00", "SCMP", "Xi warns Biden over Taiwan in call",
     "Xi Jinping warned Joe Biden over Taiwan during a phone call on Thursday, their fifth conversation."),
    ("2024-04-03T07:00", "Times of Israel", "Iran threatens Israel",
     "Iran threatened on Tuesday to retaliate against Israel for an air strike on its consulate in Damascus.",
     "2024-04-19T10:00", "Al Jazeera", "Tehran issues new warning",
     "Iran warned Israel on Thursday that any further attack would bring a far stronger response."),
    ("2023-10-04T08:00", "Premium Times", "Troops kill militants in Borno",
     "Nigerian soldiers killed 18 militants in Borno State on Tuesday, the army said.",
     "2023-10-07T12:00", "BBC", "Another raid in the northeast",
     "Nigeria's military killed Boko Haram fighters in a raid in Yobe on Friday, a spokesman said."),
    ("2023-01-23T07:00", "Le Monde", "Macron and Scholz meet in Paris",
     "French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris on Sunday.",
     "2023-03-25T09:00", "Spiegel", "Scholz and Macron talk in Brussels",
     "German Chancellor Olaf Scholz met Emmanuel Macron in Brussels on Friday before an EU summit."),
    ("2023-04-06T10:00", "DW", "Russia expels German diplomats",
     "Russia expelled 20 German diplomats on Wednesday.",
     "2023-05-29T15:00", "Interfax", "Moscow caps German staff",
     "Russia ordered hundreds of German public employees to leave on Saturday, the German foreign ministry said."),
    ("2024-02-02T08:00", "Euronews", "EU approves aid for Ukraine",
     "The European Union pledged 50 billion euros in aid to Ukraine on Thursday.",
     "2024-03-19T11:00", "Kyiv Independent", "New EU package",
     "The EU pledged five billion euros in military aid to Ukraine on Monday."),
    ("2023-04-07T08:00", "Al Arabiya", "Saudi and Iranian ministers meet",
     "The foreign ministers of Saudi Arabia and Iran met in Beijing on Thursday.",
     "2023-06-18T12:00", "IRNA", "Iranian minister in Riyadh",
     "Iran's foreign minister held talks with Saudi officials in Riyadh on Saturday."),
    ("2023-04-15T06:00", "Folha", "Lula meets Xi in Beijing",
     "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in Beijing on Friday.",
     "2023-08-23T09:00", "Xinhua", "Xi and Lula meet at BRICS summit",
     "Xi Jinping met Lula in Johannesburg on Tuesday on the sidelines of the BRICS summit."),
    ("2023-06-19T07:00", "Geo News", "Pakistan accuses India",
     "Pakistan accused India on Sunday of violating the ceasefire in Kashmir.",
     "2023-06-21T09:30", "The Hindu", "Islamabad protests again",
     "Pakistan on Tuesday accused India of a second ceasefire violation in three days."),
    ("2023-12-06T05:00", "ABC News", "Albanese hosts Kishida",
     "Japanese Prime Minister Fumio Kishida visited Canberra on Tuesday for talks with Anthony Albanese.",
     "2024-03-21T08:30", "Kyodo", "Albanese in Tokyo",
     "Anthony Albanese met Fumio Kishida in Tokyo on Wednesday."),
]

# two outlets' reports sharing the outlet group's boilerplate: one story cluster, different events
BOILERPLATE = (
    "The union represents about 40,000 dock workers at ports along the east coast and has been in a dispute "
    "with employers over pay, automation and pensions since its contract expired in the autumn. Talks broke "
    "down twice this year, and the federal mediator has called both sides back to the table. Employers say "
    "the union's demands would make the ports uncompetitive; the union says wages have not kept up with "
    "inflation for a decade. Shipping lines have warned customers to expect delays."
)
BOILERPLATE_PAIRS = [
    ("2024-01-10T08:00", "Daily Freight", "Dock workers walk out",
     "Dock workers struck at the port of Baltimore on Tuesday, halting container traffic.\n\n" + BOILERPLATE,
     "2024-03-14T08:00", "Port News", "Dockers strike again",
     "Dock workers struck at the port of Savannah on Wednesday in a new round of walkouts.\n\n" + BOILERPLATE),
    ("2024-04-09T08:00", "Daily Freight", "Dock workers protest in Baltimore",
     "Dock workers protested outside the port authority in Baltimore on Monday.\n\n" + BOILERPLATE,
     "2024-04-12T08:00", "Port News", "Dockers rally in Norfolk",
     "Dock workers protested at the port of Norfolk on Thursday, blocking the main gate.\n\n" + BOILERPLATE),
]


def _records():
    for kind, rows in (("same", SAME), ("different", DIFFERENT + BOILERPLATE_PAIRS)):
        for i, (pa, sa, ta, xa, pb, sb, tb, xb) in enumerate(rows, 1):
            pair = f"{kind}-{i:02d}"
            for side, (pub, src, title, text) in (("a", (pa, sa, ta, xa)), ("b", (pb, sb, tb, xb))):
                host = src.lower().replace(" ", "")
                yield {"pair": pair, "same_event": kind == "same", "id": f"{pair}-{side}", "source": src,
                       "url": f"https://{host}.example/{pair}-{side}", "published": pub, "title": title,
                       "text": text}


if __name__ == "__main__":
    out = Path(__file__).with_name("outlet_pairs.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for rec in _records():
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {out}")
