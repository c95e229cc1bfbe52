// Word lists for generated company names. Coined names are built from syllables, so 100,000 distinct names never run out.
const words = (text: string) => text.trim().split(/\s+/)

export const ONSETS = words('b br c cr d dr f fl g gl gr h j k kl l m n p pl pr qu r s sk sl st t tr v w z th sh ch')
export const VOWELS = words('a e i o u a e o ai ea io ou y')
export const CODAS = [...words('n r x l s m t ck nd rt sh v'), '', '', '']

export const ROOTS = words(`
  North Blue Silver Red Green Summit Pioneer Harbor Atlas Vertex Quantum Apex Nova Stellar Cedar Maple Iron Granite
  Falcon Eagle Lion Oak River Lake Bright Clear Swift True Prime Core Hyper Meta Omni Pixel Signal Beacon Anchor Compass
  Lighthouse Keystone Cornerstone Pinnacle Horizon Frontier Liberty Union Metro Urban Coastal Alpine Polar Solar Lunar
  Terra Aqua Zen Echo Delta Sigma Omega Alpha Gamma Orbit Fusion Vector Matrix Nexus Vantage Catalyst Spark Forge Bridge
  Harvest Meadow Willow Aspen Birch Crimson Cobalt Indigo Amber Ivory Onyx Jade Ruby Sapphire Emerald Golden Royal Noble
  Grand Pacific Atlantic Northern Southern Western Eastern Central Highland Valley Mountain Canyon Desert Island
  Redwood Sequoia Juniper Cypress Magnolia Orchid Lotus Phoenix Griffin Dragon Tiger Panther Wolf Fox Hawk Raven Heron
  Crescent Zenith Meridian Equinox Solstice Aurora Borealis Cascade Rapids Tidal Ember Blaze Frost Glacier Tundra Savanna`)

export const ACCENTED_ROOTS = words(`
  Café Crème Société Générale Électrique Nordvärme Überall Zürich Málaga Córdoba São Bogotá Göteborg Malmö Åre Ørsted
  Kraków Łódź Gdańsk Brno Plzeň Győr Pécs Škoda Čapek Île Cœur Forêt Château Lumière Étoile Montréal Québec Señor Niño`)

export const INDUSTRIES = words(`
  Analytics Software Systems Solutions Technologies Labs Logistics Health Healthcare Foods Energy Capital Partners
  Consulting Media Networks Security Robotics Dynamics Ventures Industries Manufacturing Services Pharma Biotech Motors
  Airlines Insurance Bank Financial Realty Properties Studios Games Apparel Outfitters Brewing Coffee Bakery Pharmacy
  Clinic Education Learning Academy Design Digital Interactive Cloud Data AI Devices Instruments Electronics
  Semiconductors Materials Chemicals Mining Construction Engineering Architects Legal Accounting Marketing Advertising
  Travel Hotels Resorts Fitness Sports Freight Shipping Transport Telecom Wireless Payments Fintech Insights Metrics
  Platforms Works Tools Supply Trading Imports Farms Gardens Textiles Paper Packaging Plastics Steel Aerospace Defense
  Marine Auto Mobility Power Water Environmental Recycling International Laboratories Brothers Associates Management`)

export const SUBSIDIARY_WORDS = words(`
  Europe EMEA Asia APAC Americas UK Deutschland France Japan India Canada Australia Nordics Iberia Benelux LATAM
  Labs Digital Ventures Capital Services Research Foundation Retail Wholesale Direct Online Mobile Cloud Studio`)

export const SURNAMES = words(`
  Smith Johnson Müller García Nguyen Kowalski Rossi Dubois O'Brien Schmidt Fischer Weber Jensen Hansen Larsen Novak
  Horváth Silva Santos Costa Ferreira Yamamoto Tanaka Sato Kim Park Chen Wang Zhang Singh Patel Shah Kumar Andersson
  Johansson Nilsson Virtanen Korhonen Björk Sørensen Ødegaard Gómez Peña Muñoz Çelik Şahin Dvořák Brennan McAllister
  Fitzgerald Whitaker Holloway Kensington Ashworth Pemberton Thornton Blackwood Hargreaves Lindqvist Bergström`)

/** Legal forms as people write them, with a rough share of real-world use. */
export const LEGAL_FORMS = words(`
  Inc. Inc Inc. LLC LLC Ltd Ltd. Limited GmbH AG S.A. SAS B.V. N.V. Oy AB Pty_Ltd PLC Corp. Corporation Co. KK S.r.l.
  S.p.A. L.L.C. Incorporated Company A/S ApS SARL Sp._z_o.o.`).map((form) => form.replaceAll('_', ' '))

/** Full words and the abbreviations people use for them. */
export const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['International', 'Intl'],
  ['Technologies', 'Tech'],
  ['Laboratories', 'Labs'],
  ['Manufacturing', 'Mfg'],
  ['Services', 'Svcs'],
  ['Brothers', 'Bros'],
  ['Management', 'Mgmt'],
  ['Associates', 'Assoc'],
  ['Systems', 'Sys'],
]

export const TLDS = words('com com com com io co de co.uk fr com.au ai net eu jp se nl ch es it')

export const PUBLIC_MAIL = words(
  'gmail.com googlemail.com outlook.com hotmail.co.uk hotmail.fr yahoo.co.jp yahoo.com icloud.com proton.me gmx.de mail.ru yandex.ru qq.com 163.com aol.com web.de',
)

export const FIRST_NAMES = words('jane john maria li wei sofia lucas emma noah olga ahmed priya kenji anna mateo chloe')
