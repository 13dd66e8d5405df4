"""Word forms and hand-written sentence material for ``make_opinion_corpus.py``.

English verb inflection (regular rules plus a table of irregular verbs) and the
templates of the "not an event" class. Everything here was written for whimbrel.
"""

from __future__ import annotations

# base -> (past, past participle)
IRREGULAR = {
    "arise": ("arose", "arisen"), "be": ("was", "been"), "bear": ("bore", "borne"), "beat": ("beat", "beaten"),
    "become": ("became", "become"), "begin": ("began", "begun"), "bend": ("bent", "bent"), "bid": ("bid", "bid"),
    "bind": ("bound", "bound"), "bite": ("bit", "bitten"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "bring": ("brought", "brought"), "build": ("built", "built"), "burn": ("burned", "burned"),
    "buy": ("bought", "bought"), "cast": ("cast", "cast"), "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"), "come": ("came", "come"), "cost": ("cost", "cost"), "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"), "do": ("did", "done"), "draw": ("drew", "drawn"), "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feed": ("fed", "fed"), "feel": ("felt", "felt"),
    "fight": ("fought", "fought"), "find": ("found", "found"), "flee": ("fled", "fled"), "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"),
    "get": ("got", "got"), "give": ("gave", "given"), "go": ("went", "gone"), "grant": ("granted", "granted"),
    "grow": ("grew", "grown"), "hang": ("hanged", "hanged"), "have": ("had", "had"), "hear": ("heard", "heard"),
    "hide": ("hid", "hidden"), "hit": ("hit", "hit"), "hold": ("held", "held"), "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"), "know": ("knew", "known"), "lay": ("laid", "laid"), "lead": ("led", "led"),
    "leave": ("left", "left"), "lend": ("lent", "lent"), "let": ("let", "let"), "lie": ("lay", "lain"),
    "light": ("lit", "lit"), "lose": ("lost", "lost"), "make": ("made", "made"), "mean": ("meant", "meant"),
    "meet": ("met", "met"), "mislead": ("misled", "misled"), "overcome": ("overcame", "overcome"),
    "overrun": ("overran", "overrun"), "oversee": ("oversaw", "overseen"), "overthrow": ("overthrew", "overthrown"),
    "pay": ("paid", "paid"), "put": ("put", "put"), "quit": ("quit", "quit"), "read": ("read", "read"),
    "rebuild": ("rebuilt", "rebuilt"), "rid": ("rid", "rid"), "ride": ("rode", "ridden"), "ring": ("rang", "rung"),
    "rise": ("rose", "risen"), "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"), "set": ("set", "set"),
    "shake": ("shook", "shaken"), "shed": ("shed", "shed"), "shoot": ("shot", "shot"), "show": ("showed", "shown"),
    "shut": ("shut", "shut"), "sing": ("sang", "sung"), "sink": ("sank", "sunk"), "sit": ("sat", "sat"),
    "slay": ("slew", "slain"), "slit": ("slit", "slit"), "speak": ("spoke", "spoken"), "spend": ("spent", "spent"),
    "split": ("split", "split"), "spread": ("spread", "spread"), "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"), "strike": ("struck", "struck"),
    "strive": ("strove", "striven"), "swear": ("swore", "sworn"), "sweep": ("swept", "swept"),
    "take": ("took", "taken"), "teach": ("taught", "taught"), "tear": ("tore", "torn"), "tell": ("told", "told"),
    "think": ("thought", "thought"), "throw": ("threw", "thrown"), "undergo": ("underwent", "undergone"),
    "understand": ("understood", "understood"), "undertake": ("undertook", "undertaken"),
    "uphold": ("upheld", "upheld"), "upset": ("upset", "upset"), "wage": ("waged", "waged"),
    "wake": ("woke", "woken"), "wear": ("wore", "worn"), "win": ("won", "won"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"), "withstand": ("withstood", "withstood"), "write": ("wrote", "written"),
    "forgo": ("forwent", "forgone"), "forsake": ("forsook", "forsaken"), "override": ("overrode", "overridden"),
    "foresee": ("foresaw", "foreseen"), "mistake": ("mistook", "mistaken"), "outbid": ("outbid", "outbid"),
    "beset": ("beset", "beset"), "broadcast": ("broadcast", "broadcast"), "forecast": ("forecast", "forecast"),
    "slide": ("slid", "slid"), "sling": ("slung", "slung"), "spin": ("spun", "spun"), "stride": ("strode", "stridden"),
    "sting": ("stung", "stung"), "swing": ("swung", "swung"), "thrust": ("thrust", "thrust"),
    "tread": ("trod", "trodden"), "weep": ("wept", "wept"), "wind": ("wound", "wound"), "wring": ("wrung", "wrung"),
}
DOUBLE = {"ban", "bar", "plan", "stop", "drop", "ship", "rob", "jam", "grab", "scrap", "step", "tip", "trim",
          "slam", "snub", "spur", "strip", "sub", "tap", "wrap", "chop", "clap", "dip", "flip", "nab", "pin",
          "plug", "prod", "rap", "sap", "shun", "skip", "slap", "slip", "stab", "swap", "top", "trap", "whip",
          "commit", "regret", "control", "patrol", "compel", "expel", "propel", "repel", "rebel", "admit",
          "permit", "submit", "transmit", "omit", "abet", "occur", "refer", "prefer", "confer", "deter",
          "incur", "recur", "infer", "transfer", "equip", "kidnap", "format", "embed", "outstrip", "handicap",
          "net", "pit", "quiz", "wed", "gag", "lob", "mob", "tag", "zip", "beg", "hug", "shrug", "bat", "pat", "pet"}


def _double(v: str) -> bool:
    return v in DOUBLE


def past(v: str) -> str:
    if v in IRREGULAR:
        return IRREGULAR[v][0]
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    if _double(v):
        return v + v[-1] + "ed"
    return v + "ed"


def participle(v: str) -> str:
    if v in IRREGULAR:
        return IRREGULAR[v][1]
    return past(v)


def third(v: str) -> str:
    if v == "be":
        return "is"
    if v == "have":
        return "has"
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        return v + "es"
    if v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


def gerund(v: str) -> str:
    if v == "be":
        return "being"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if _double(v):
        return v + v[-1] + "ing"
    return v + "ing"


def inflect(phrase: str, form: str) -> str:
    """Inflect the first word of a verb phrase ("carry out" -> "carried out")."""
    head, _, rest = phrase.partition(" ")
    f = {"past": past, "pp": participle, "3sg": third, "ing": gerund, "base": lambda x: x}[form](head)
    return f + (" " + rest if rest else "")


# ---------------------------------------------------------------- "not an event" material
# {C}/{C2}: country names, {D}/{D2}: demonyms, {P}: a person, {O}: an organisation,
# {CITY}/{CITY2}: capitals, {WHEN}: a time phrase. The first of {C}/{C2}/{P}/{O} is marked as
# the source, the second as the target; the main verb is marked [like this].
NONE_TEMPLATES = {
    "sport": [
        "{C} [beat] {C2} 2-1 in their World Cup qualifier{WHEN}.",
        "{C} [defeated] {C2} in the final of the tournament{WHEN}.",
        "{C} [drew] 1-1 with {C2} in a friendly match{WHEN}.",
        "{C} will [face] {C2} in the semi-finals of the championship.",
        "{C} [crushed] {C2} 4-0 to reach the quarter-finals.",
        "{C} [thrashed] {C2} by 50 runs in the second Test.",
        "{C} [hosted] {C2} in front of a sell-out crowd{WHEN}.",
        "{C} [knocked] {C2} out of the Olympic hockey tournament.",
        "{C} [won] the gold medal ahead of {C2} in the relay.",
        "{C} [edged] {C2} 3-2 after extra time.",
        "{C} [routed] {C2} as their striker scored twice.",
        "{C} [lost] to {C2} on penalties in the Cup final.",
        "{C} [clinched] the series against {C2} with a win in the last match.",
        "{C} were [held] to a goalless draw by {C2}{WHEN}.",
        "{C} will [play] {C2} in the rugby World Cup opener.",
        "{C} [claimed] victory over {C2} in the basketball final.",
        "{C} [attacked] from the start and {C2} never recovered in the second half.",
        "{C} [overpowered] {C2} in the group stage of the Asian Cup.",
        "{C}'s goalkeeper [blocked] a late shot from {C2}'s captain.",
        "{C} [invaded] the pitch after {C2} equalised in stoppage time.",
    ],
    "weather": [
        "A powerful storm [hit] {C}{WHEN}, cutting power to thousands of homes.",
        "Heavy rains [battered] {C} for a third day{WHEN}.",
        "Floods [swept] through parts of {C} after days of rain.",
        "A heatwave [gripped] {C} with temperatures above 40 degrees.",
        "Snow [blanketed] {CITY}{WHEN}, closing schools and roads.",
        "A typhoon is expected to [reach] {C} later this week.",
        "An earthquake of magnitude 6.1 [struck] {C}{WHEN}, the geological survey said.",
        "Drought has [hit] crops across {C} this year.",
        "Wildfires [spread] across {C} as strong winds fanned the flames.",
        "A cyclone [made] landfall in {C}{WHEN}, forecasters said.",
        "The storm [moved] from {C} towards {C2} overnight.",
        "Locusts [invaded] farmland in {C} and {C2}.",
    ],
    "business": [
        "{C}'s economy [grew] 3 percent in the second quarter.",
        "Shares in {D} carmakers [rose] sharply{WHEN}.",
        "{C}'s central bank [raised] interest rates by a quarter point{WHEN}.",
        "Exports from {C} to {C2} [fell] 5 percent last year.",
        "Inflation in {C} [slowed] to 2.1 percent in May.",
        "{C}'s currency [hit] a record low against the dollar{WHEN}.",
        "A {D} company [bought] a rival firm in {C2} for $2 billion.",
        "Oil prices [climbed] after {C} reported lower stocks.",
        "{C} [posted] a trade surplus of $4 billion in March.",
        "Unemployment in {C} [rose] to 7 percent, official data showed.",
        "The {D} airline [ordered] 20 new jets{WHEN}.",
        "{C}'s largest bank [reported] record profits for the year.",
        "Tourism to {C} [grew] by 10 percent as visitors from {C2} returned.",
        "{C} [overtook] {C2} as the largest exporter of rice.",
        "{C}'s stock market [outperformed] {C2}'s for a third year.",
    ],
    "accident": [
        "A bus [crashed] in {C}{WHEN}, killing 12 passengers.",
        "A fire [destroyed] a market in {CITY}{WHEN}.",
        "A plane carrying {D} tourists [crashed] in {C2}, killing all on board.",
        "A ferry [sank] off the coast of {C}, and 30 people are missing.",
        "A gas explosion at a factory in {C} [killed] five workers.",
        "A train [derailed] near {CITY}{WHEN}, injuring dozens.",
        "Dozens of people [died] in a landslide in {C}.",
        "A building [collapsed] in {CITY}, trapping residents.",
        "A mine accident in {C} [killed] 14 miners{WHEN}.",
        "Two {D} climbers [died] on a mountain in {C2}.",
    ],
    "culture": [
        "A {D} film [won] the top prize at the festival{WHEN}.",
        "{C} [won] the Eurovision song contest in {CITY2}.",
        "The museum in {CITY} [opened] a new exhibition of {D} art.",
        "A {D} novelist [won] the literature prize{WHEN}.",
        "{P} [released] a memoir about growing up in {C}.",
        "Thousands of fans [attended] a concert in {CITY}{WHEN}.",
        "{C} [celebrated] its national day with parades and fireworks.",
        "A {D} chef [opened] a restaurant in {CITY2}.",
        "The {D} orchestra [toured] {C2} this summer.",
        "The festival in {CITY} [drew] visitors from {C2}.",
    ],
    "statement": [
        "{P} [said] on {DAY} that the situation was being monitored closely.",
        "{O} [said] it was studying the report.",
        "{P} [spoke] to reporters in {CITY}{WHEN}.",
        "{P} [told] a news conference that the economy was growing.",
        "{C} [said] the talks were important for the region.",
        "{P} [said] the decision would be announced next month.",
        "{O} has [published] its annual report on {C}.",
        "{P} [said] the weather had delayed the ceremony.",
        "{O} [said] the figures for {C} would be released on {DAY}.",
        "{P} [noted] that the meeting had been scheduled months ago.",
        "{P} [described] the year as a difficult one for {C}.",
        "{P} was [born] in {CITY} and studied law.",
        "{C} [has] a population of about 20 million people.",
        "{P} [said] he had nothing to add.",
        "{O} [said] the office in {CITY} would be closed for the holiday.",
        "{C} [is] the largest producer of coffee in the region.",
        "{P} [recalled] his childhood in {C} in a long interview.",
        "{C} [marked] the anniversary of its independence{WHEN}.",
    ],
    "background": [
        "{P} [became] prime minister in 2015 after a long career in the army.",
        "{C} [has] close economic ties with {C2}.",
        "{C} [remains] one of the poorest countries in the region.",
        "{O} [has] offices in {CITY} and in {CITY2}.",
        "{P} [took] office in 2019 and is serving a second term.",
        "{C} [shares] a long border with {C2}.",
        "{P} [studied] economics in {CITY2} before entering politics.",
        "{C} [lies] to the north of {C2}.",
        "{P}, a former journalist, [leads] the largest party in parliament.",
        "{C} [joined] {O} in 1995.",
        "{P} [turned] 70 this year.",
        "{C} [counts] on tourism for a fifth of its income.",
        "{O} [was] founded in 1945.",
        "{P} [lives] in {CITY} with his family.",
        "{C} [imports] most of its gas from {C2}.",
        "{P} [spent] the weekend at his residence in {CITY}.",
        "{C}'s parliament [has] 300 seats.",
        "{P} [wrote] in a newspaper column that the year had been hard for farmers.",
        "{C} and {C2} [are] both members of {O}.",
        "{P} [thanked] the staff of the hospital where he was treated.",
    ],
}
