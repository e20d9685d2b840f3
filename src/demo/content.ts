/**
 * Newsdesk demo content: the stories a first-time user sees on `newsdesk serve --demo`.
 *
 * Original writing generated for Newsdesk. Every agency, outlet, company, festival, railway, storm and person here
 * is fictional; only the cities of the datelines are real. Times are relative to `now`, so the demo always looks
 * like a live edition: a typhoon making landfall, a climate summit in its final hours, a rate decision, a chip
 * export dispute, a film festival and a new railway, each a thread of related stories.
 */
import type { ArticleInput } from '../domain/article.js';

export const demoEditionSettings = {
  siteName: 'Newsdesk Daily',
  tagline: 'News from the region and the world, as it happens',
  timeZone: 'Asia/Shanghai',
  locale: 'en-GB',
} as const;

/** Features, analysis and a photo essay: the demo's Editor's Picks. */
export const EDITORS_PICKS_IDS: string[] = ['demo-008', 'demo-016', 'demo-019', 'demo-022', 'demo-026', 'demo-030'];

const HARBOUR_WIRE = 'Harbour Wire';
const CONTINENTAL_PRESS = 'Continental Press';
const NEWSDESK_STAFF = 'Newsdesk Staff';

type DemoImageName = 'harbour' | 'summit' | 'market' | 'chip' | 'festival' | 'storm' | 'skyline' | 'train';

interface DemoStory extends Omit<ArticleInput, 'id' | 'bodyHtml' | 'publishedAt' | 'updatedAt'> {
  id: string;
  /** Minutes before `now` the story was first published. */
  ago: number;
  /** Minutes before `now` of the latest update, if the story was updated after it ran. */
  updatedAgo?: number;
  /** Paragraphs separated by blank lines; a block that starts with `<` is kept as written. */
  body: string;
}

function illustration(name: DemoImageName, alt: string, caption: string): NonNullable<ArticleInput['image']> {
  return { url: `/assets/demo/${name}.svg`, width: 1200, height: 675, alt, caption, credit: 'Illustration: Newsdesk' };
}

/** Blank-line separated paragraphs to body HTML: plain blocks become `<p>`, blocks starting with `<` stay as is. */
function html(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((block) => (block.startsWith('<') ? block : `<p>${block}</p>`))
    .join('\n');
}

const stories: DemoStory[] = [
  // Thread: Typhoon Taohua (China, with a Technology follow-up).
  {
    id: 'demo-001',
    headline: 'Typhoon Taohua makes landfall in Fujian as 1.2 million moved to safety',
    standfirst:
      'The strongest storm to hit the province in a decade brought winds of 180 km/h and flooded low-lying districts.',
    dateline: 'FUZHOU',
    byline: 'By Chen Yu',
    authors: ['Chen Yu'],
    source: HARBOUR_WIRE,
    section: 'China',
    topics: ['Typhoon Taohua', 'Extreme Weather', 'Fujian'],
    priority: 10,
    ago: 38,
    updatedAgo: 6,
    image: illustration(
      'storm',
      'Storm clouds spiral over a coastline as waves break against a sea wall',
      'Typhoon Taohua approaches the Fujian coast on Friday evening.',
    ),
    body: `
      Typhoon Taohua made landfall on the coast of southeastern Fujian province on Friday evening, bringing sustained
      winds of 180 kilometres an hour and torrential rain to a stretch of coastline home to more than 10 million
      people, the provincial meteorological bureau said.

      The storm came ashore near the fishing town of Changle shortly after 7 pm local time. Authorities had moved
      about 1.2 million residents out of coastal villages, construction sites and low-lying urban districts by the
      afternoon, according to the provincial emergency management department.

      Floodwater reached the ground floors of buildings in parts of Fuzhou's Mawei district, and power was cut to
      around 300,000 households as a precaution. No deaths had been reported by late evening, though officials warned
      that the heaviest rain was still to come.

      <blockquote><p>"The next twelve hours are the most dangerous. People who have left their homes must not return
      until the all-clear is given," said Lin Haoran, deputy director of the provincial flood control
      headquarters.</p></blockquote>

      Forecasters expect Taohua to weaken to a severe tropical storm as it moves inland towards Jiangxi overnight, but
      warned that rainfall of up to 400 millimetres could trigger landslides in mountainous areas of northern Fujian.

      The typhoon is the ninth named storm of the season and the strongest to strike the province in ten years. Rescue
      teams and 4,000 soldiers have been positioned in the worst-affected counties.
    `,
  },
  {
    id: 'demo-002',
    headline: 'Flights and high-speed trains suspended as Typhoon Taohua nears coast',
    dateline: 'XIAMEN',
    source: CONTINENTAL_PRESS,
    section: 'China',
    topics: ['Typhoon Taohua', 'Extreme Weather', 'Transport'],
    priority: 4,
    ago: 420,
    body: `
      Airports in Xiamen, Fuzhou and Quanzhou cancelled all flights from midday on Friday and rail operators halted
      high-speed services along the southeastern coast as Typhoon Taohua closed in on Fujian province.

      More than 600 flights were cancelled at the three airports, according to figures posted by the airport
      operators. The regional railway company said 212 trains on the coastal line between Wenzhou and Shenzhen would
      not run until at least Saturday afternoon.

      Ferries between Xiamen and the outlying islands were suspended on Thursday night, and schools and most
      government offices in coastal cities were told to close for the day.

      In Xiamen, shops ran short of bottled water and candles by mid-morning. Residents taped windows and moved cars
      to multi-storey car parks on higher ground.

      "We have seen storms before, but the warnings this time are stronger," said Zheng Mei, who runs a grocery near
      the Xiamen waterfront. "We closed early and sent our staff home."

      The railway company said passengers with tickets for cancelled services could claim a full refund without a fee
      for up to 30 days.
    `,
  },
  {
    id: 'demo-003',
    headline: 'Fishing fleets called back to port ahead of Typhoon Taohua',
    standfirst: 'More than 20,000 boats were ordered to shelter as the storm strengthened over open water.',
    dateline: 'NINGDE',
    source: HARBOUR_WIRE,
    section: 'China',
    topics: ['Typhoon Taohua', 'Fishing'],
    ago: 1500,
    image: illustration(
      'harbour',
      'Rows of fishing boats moored tightly together in a sheltered harbour under a grey sky',
      'Fishing boats shelter in a harbour on the Fujian coast ahead of the typhoon.',
    ),
    body: `
      Maritime authorities in Fujian and Zhejiang provinces ordered more than 20,000 fishing boats back to port on
      Thursday as Typhoon Taohua gathered strength over the western Pacific.

      Harbour masters in Ningde, one of the country's largest centres for large yellow croaker farming, said crews had
      been given until dusk to secure vessels and come ashore. Workers on offshore fish farms were also told to leave
      their floating platforms.

      "The boats are tied four and five deep in some harbours," said Wu Jianping, an official at the Ningde maritime
      safety administration. "Our priority is that nobody is at sea when the wind arrives."

      The closure comes in the middle of the autumn fishing season, and fishermen said the loss of several days at sea
      would hurt incomes. Fish farmers feared damage to cages and nets in the bays along the coast.

      Provincial authorities said compensation would be available for registered fish farms that suffer storm damage,
      and that insurers had been asked to speed up assessments once the typhoon passed.
    `,
  },
  {
    id: 'demo-004',
    headline: 'Forecasters upgrade Taohua to super typhoon over western Pacific',
    dateline: 'SHANGHAI',
    source: CONTINENTAL_PRESS,
    section: 'China',
    topics: ['Typhoon Taohua', 'Extreme Weather'],
    ago: 2900,
    body: `
      Taohua intensified into a super typhoon on Wednesday as it tracked northwest over warm waters east of Taiwan,
      and forecasters said the storm was likely to reach the coast of Fujian or southern Zhejiang late on Friday.

      The national meteorological centre issued an orange alert, its second-highest, and said sustained winds near the
      eye had reached 210 kilometres an hour. The storm was about 900 kilometres from the mainland coast at noon.

      Sea surface temperatures along the typhoon's path were one to two degrees Celsius above the seasonal average,
      giving the storm the energy to strengthen quickly, said Gao Wenjing, a senior forecaster at the centre.

      <blockquote><p>"Rapid intensification like this leaves less time to prepare. We are asking local governments to
      act now rather than wait for the track to become certain," Gao said.</p></blockquote>

      The centre said Taohua would probably lose some strength before landfall but would remain a powerful typhoon.
      Provinces along the coast began inspecting reservoirs, sea walls and temporary buildings on construction sites.
    `,
  },
  {
    id: 'demo-034',
    headline: 'Typhoon alerts reach 9 million phones as Taohua approaches',
    dateline: 'FUZHOU',
    source: HARBOUR_WIRE,
    section: 'Technology',
    topics: ['Typhoon Taohua', 'Mobile Networks', 'Emergency Response'],
    ago: 700,
    body: `
      Emergency alerts about Typhoon Taohua were sent to more than 9 million mobile phones in Fujian on Friday
      morning, the first large-scale test of a location-based warning system the province introduced last year.

      The alerts, which override silent mode and display in full screen, told people in designated evacuation zones
      where to find the nearest shelter and how long they had to leave. Messages were sent in Mandarin and, in some
      districts, the Minnan dialect spoken along the southern coast.

      The provincial emergency management department said the system used data from mobile base stations to reach
      everyone within a zone, including visitors and workers from other provinces who would not have received earlier
      warnings sent by text message to registered residents.

      Network operators said they had moved portable base stations and backup generators to coastal counties so that
      service could be restored quickly if towers were damaged.

      "Last time, many people said they did not know which shelter to use. This time the answer is on the screen,"
      said Huang Li, an engineer who helped design the system.

      Officials will review how many people acted on the messages once the storm has passed.
    `,
  },

  // Thread: the Lisbon climate summit (World).
  {
    id: 'demo-005',
    headline: 'Lisbon climate summit agrees draft deal on coastal adaptation fund',
    standfirst: 'Negotiators worked through the night on a fund to help coastal cities defend against rising seas.',
    dateline: 'LISBON',
    byline: 'By Sofia Mendes',
    authors: ['Sofia Mendes'],
    source: CONTINENTAL_PRESS,
    section: 'World',
    topics: ['Lisbon Climate Summit', 'Climate Change', 'Sea Level Rise'],
    priority: 5,
    ago: 95,
    updatedAgo: 20,
    image: illustration(
      'summit',
      'Delegates seated around a large circular conference table with national flags behind them',
      'Negotiators at the closing session of the Lisbon climate summit.',
    ),
    body: `
      Delegates at the Lisbon climate summit agreed a draft text early on Saturday that would set up a fund to help
      coastal cities build sea walls, restore wetlands and move critical infrastructure away from rising seas.

      The draft, reached after an overnight session that ran nine hours past the scheduled close, still needs formal
      approval by ministers at a plenary later in the day. Negotiators said the main elements were unlikely to change.

      Under the text, wealthy countries would aim to contribute 40 billion dollars a year to the coastal adaptation
      fund by 2030, with a quarter reserved for small island states and the least developed countries. Cities would be
      able to apply directly rather than through national governments, a first for a fund of this kind.

      <h2>Island nations cautious</h2>

      Representatives of island nations welcomed the direct access for cities but said the sums fell short of what was
      needed.

      <blockquote><p>"This is a door opening, not a problem solved. Our islands need the money this decade, not the
      next," said Tevita Laufa, who led the island states' negotiating group.</p></blockquote>

      The summit, attended by delegations from 140 countries and more than 300 city mayors, was the first
      international meeting to focus solely on how coastal areas adapt to climate change. Campaign groups said the
      final text should include a firm timetable for payments.
    `,
  },
  {
    id: 'demo-006',
    headline: 'Island nations press for loss and damage language at climate summit',
    dateline: 'LISBON',
    source: HARBOUR_WIRE,
    section: 'World',
    topics: ['Lisbon Climate Summit', 'Climate Change', 'Small Island States'],
    ago: 980,
    body: `
      Small island states at the Lisbon climate summit demanded on Friday that the final agreement recognise the
      losses their communities already face from rising seas, as talks on a coastal adaptation fund entered their last
      scheduled day.

      A group of 39 island nations circulated a proposal that would add a section on loss and damage to the draft
      text, covering the cost of relocating villages and replacing farmland spoiled by salt water.

      Several large economies resisted the language, arguing that the summit's mandate was limited to adaptation and
      that loss and damage was being handled in other negotiations. Delegates said the issue was one of the last
      obstacles to a deal.

      "You cannot adapt a village that is already under water," said Mele Tuipulotu, the environment minister of one
      Pacific island state, speaking to reporters outside the conference hall.

      Portugal's summit presidency said it would present a revised text overnight and urged all sides to show
      flexibility. Observers expected the talks to run past the official close on Friday evening.
    `,
  },
  {
    id: 'demo-007',
    headline: 'Climate summit opens in Lisbon with warning on rising seas',
    standfirst: 'Mayors and ministers gathered for the first summit devoted to how coastal cities adapt.',
    dateline: 'LISBON',
    source: CONTINENTAL_PRESS,
    section: 'World',
    topics: ['Lisbon Climate Summit', 'Climate Change', 'Sea Level Rise'],
    ago: 4300,
    body: `
      A five-day climate summit focused on coastal cities opened in Lisbon on Monday with a warning from scientists
      that sea levels could rise faster than many local governments are planning for.

      A report presented at the opening session by a panel of oceanographers said average global sea level had risen
      by about 10 centimetres over the past three decades and that the pace was accelerating. Storm surges that once
      struck a coastal city every century could occur every few years by 2050, it said.

      Lisbon's mayor told delegates that the city had already raised parts of its riverside and rebuilt drainage
      tunnels to cope with heavier rain and higher tides.

      <blockquote><p>"Every coastal city in the world will have to make choices about what to protect and what to
      move. We would rather make those choices together," the mayor said.</p></blockquote>

      The organisers hope the summit will produce an agreement on a dedicated fund to help cities pay for defences.
      More than 300 mayors are attending alongside national delegations, an unusual format for climate talks.
    `,
  },
  {
    id: 'demo-008',
    headline: 'Analysis: What a coastal adaptation fund could actually pay for',
    standfirst:
      'Sea walls get the headlines, but the Lisbon climate summit money may matter most for drains, wetlands and maps.',
    dateline: 'LONDON',
    byline: 'By Daniel Okafor',
    authors: ['Daniel Okafor'],
    source: NEWSDESK_STAFF,
    section: 'World',
    topics: ['Lisbon Climate Summit', 'Climate Change', 'Urban Planning'],
    ago: 1320,
    body: `
      When negotiators at the Lisbon climate summit talk about a coastal adaptation fund, the image that comes to mind
      is a sea wall. Engineers who work on coastal defences say the money is more likely to go on things that are much
      less visible.

      <h2>Drains before walls</h2>

      In many cities the first damage from higher seas comes from below. Drainage systems built for a lower tide back
      up during heavy rain, flooding streets that are nowhere near the shore. Replacing outfalls, adding pumps and
      separating storm drains from sewers are often cheaper and faster than building walls.

      "A wall protects one stretch of coast. A working drainage network protects a whole district," said Anika Brandt,
      a coastal engineer who has advised cities in northern Europe and South Asia.

      <h2>Letting nature help</h2>

      Restoring mangroves, salt marshes and reefs can reduce the height of waves reaching the shore. Such projects are
      also attractive because they protect fisheries, but they take years to mature and are hard to price, which makes
      them difficult to finance with loans.

      <h2>Knowing the risk</h2>

      Perhaps the biggest gap is data. Many smaller cities lack detailed elevation maps or records of past floods,
      which means they cannot say which neighbourhoods are most at risk.

      <blockquote><p>"You cannot write a good project proposal without a good map. Some of the first money should
      simply go on measuring," Brandt said.</p></blockquote>

      The draft text allows cities to apply directly. Whether they have the staff to prepare bids may decide who
      benefits first.
    `,
  },

  // Thread: the central bank rate decision (Business).
  {
    id: 'demo-009',
    headline: 'Central bank holds rates at 3.25 percent, signals cut before year end',
    standfirst: 'Policymakers voted seven to two to keep borrowing costs unchanged as inflation cools.',
    dateline: 'LONDON',
    byline: 'By Rachel Whitmore',
    authors: ['Rachel Whitmore'],
    source: CONTINENTAL_PRESS,
    section: 'Business',
    topics: ['Interest Rates', 'Inflation', 'Central Banks'],
    priority: 8,
    ago: 170,
    updatedAgo: 150,
    body: `
      The central bank kept its benchmark interest rate at 3.25 percent on Thursday but said a cut was likely before
      the end of the year if inflation continued to ease, sending government bond yields to their lowest level in four
      months.

      The monetary policy committee voted seven to two to hold rates. The two dissenting members favoured an immediate
      cut of 25 basis points, citing weak business investment and a cooling jobs market.

      In its statement, the committee said inflation had fallen faster than expected over the summer and was now close
      to its target. It said the risks from energy prices and wage growth had "diminished materially".

      <blockquote><p>"We are not there yet, but we can see the path. If the data continue to come in as they have, the
      committee will be in a position to reduce rates in the coming months," Governor Adrian Kessler told a news
      conference.</p></blockquote>

      Economists said the decision opened the door to a cut at the November meeting. Lenders are expected to begin
      trimming fixed mortgage rates ahead of any move by the central bank.

      Business groups welcomed the signal but said an earlier cut would have helped smaller companies struggling with
      high borrowing costs.
    `,
  },
  {
    id: 'demo-010',
    headline: 'Shares rally and bond yields fall after central bank signals rate cut',
    dateline: 'HONG KONG',
    source: HARBOUR_WIRE,
    section: 'Business',
    topics: ['Interest Rates', 'Stock Markets'],
    priority: 3,
    ago: 130,
    image: illustration(
      'market',
      'A trading screen showing rising green price lines and a column of share prices',
      'Share prices climbed across the region after the interest rate decision.',
    ),
    body: `
      Stock markets rose and government bond yields fell on Thursday after the central bank held interest rates but
      signalled that a cut was likely before the end of the year.

      The benchmark share index gained 1.4 percent, led by property developers and banks, while the yield on two-year
      government bonds, which is sensitive to expectations for interest rates, dropped 12 basis points to 2.91
      percent.

      Housebuilders were among the biggest winners, with several rising more than 4 percent as traders bet that lower
      mortgage rates would revive demand for new homes. The currency weakened 0.6 percent against the dollar.

      "The market heard the word 'cut' and that was enough," said Vivian Lau, a strategist at a Hong Kong brokerage.
      "The question now is whether the data will cooperate."

      Futures markets priced in a roughly 70 percent chance of a 25 basis point cut at the November meeting, up from
      45 percent before the announcement.

      Analysts cautioned that the rally could fade if next week's inflation figures surprise on the upside.
    `,
  },
  {
    id: 'demo-011',
    headline: 'Economists split on timing of first rate cut ahead of central bank decision',
    dateline: 'LONDON',
    source: CONTINENTAL_PRESS,
    section: 'Business',
    topics: ['Interest Rates', 'Central Banks'],
    ago: 1450,
    body: `
      Economists are divided over whether the central bank will cut interest rates this week or wait until later in
      the year, a poll of 32 forecasters showed on Wednesday.

      Nineteen of those surveyed expect the bank to keep its benchmark rate at 3.25 percent on Thursday, while
      thirteen predict a cut of 25 basis points. Almost all expect rates to be lower by the end of the year.

      Those expecting a cut point to slowing inflation and a rise in company insolvencies over the summer. Those
      expecting a hold say policymakers will want to see another month of wage data before acting.

      "The case for cutting is strong, but central banks rarely like to surprise markets, and the committee has given
      no clear hint," said Tomasz Nowak, chief economist at a European investment bank.

      The decision will be announced at noon on Thursday, followed by a news conference with Governor Adrian Kessler.
      Markets will also watch how many of the nine committee members vote for a cut.
    `,
  },
  {
    id: 'demo-012',
    headline: 'Inflation eases to 2.6 percent in August, lowest in three years',
    dateline: 'LONDON',
    source: HARBOUR_WIRE,
    section: 'Business',
    topics: ['Inflation', 'Interest Rates'],
    ago: 4000,
    body: `
      Consumer price inflation slowed to 2.6 percent in August from 3.1 percent in July, official figures showed on
      Tuesday, the lowest rate in three years and a stronger fall than economists had forecast.

      Lower fuel prices and a smaller rise in food costs than a year earlier accounted for most of the slowdown, the
      statistics office said. Services inflation, watched closely by the central bank, eased to 4.0 percent from 4.5
      percent.

      The figures strengthen the case for the central bank to reduce interest rates in the coming months. Policymakers
      meet next week, and traders increased bets on a cut before the end of the year after the data were released.

      "This is exactly the kind of number the central bank needed to see. Services inflation is finally coming down,"
      said Priya Raman, an economist at a consultancy.

      Wage growth remains higher than policymakers would like, however. Average earnings rose 5.2 percent in the three
      months to July, and some economists warned that a tight labour market could keep prices rising faster than the
      target.
    `,
  },

  // Thread: the chip export licence dispute (Technology and Business).
  {
    id: 'demo-013',
    headline: 'Chipmakers warn new export licence rules will delay shipments for months',
    standfirst: 'Industry groups say the licensing regime covers far more semiconductors than officials intended.',
    dateline: 'BRUSSELS',
    byline: 'By Marta Kowalczyk',
    authors: ['Marta Kowalczyk'],
    source: CONTINENTAL_PRESS,
    section: 'Technology',
    topics: ['Semiconductors', 'Export Controls', 'Trade'],
    priority: 4,
    ago: 260,
    updatedAgo: 90,
    image: illustration(
      'chip',
      'Close-up of a microchip on a circuit board with fine gold connections',
      'New licence rules cover a wide range of semiconductors and chipmaking tools.',
    ),
    body: `
      Semiconductor makers and equipment suppliers warned on Thursday that new export licence rules for advanced chips
      and chipmaking tools would delay shipments to Asian customers by several months and could cost the industry
      billions of dollars in lost sales.

      The rules, which took effect at the start of the month, require companies to obtain a licence before exporting
      chips above a set performance threshold, as well as certain lithography and etching equipment. Officials say the
      controls are needed to protect sensitive technology.

      In a joint letter, three industry associations said the definitions were so broad that they captured ordinary
      chips used in cars, factory robots and medical devices. They said licence applications were taking up to 90 days
      to process.

      <blockquote><p>"We support sensible controls. What we have instead is a queue. Our customers are placing orders
      elsewhere while they wait," said Henrik Aalto, who chairs one of the associations.</p></blockquote>

      Officials said they would publish guidance clarifying which products were covered and were hiring additional
      staff to handle applications. The trade ministry in Beijing has criticised the rules as discriminatory and said
      it would take "necessary measures" to protect Chinese companies.

      Trade ministers are due to discuss the dispute at a meeting in Geneva next week.
    `,
  },
  {
    id: 'demo-014',
    headline: 'Qingyan Semiconductor shares slide as export rules hold up equipment orders',
    dateline: 'SHENZHEN',
    source: HARBOUR_WIRE,
    section: 'Business',
    topics: ['Semiconductors', 'Export Controls', 'Stock Markets'],
    ago: 1100,
    body: `
      Shares in Qingyan Semiconductor fell 7 percent on Friday after the Shenzhen-based chipmaker said new export
      licence rules had delayed deliveries of equipment for its new factory, pushing back the start of production by
      at least a quarter.

      The company said in a filing to the stock exchange that two lithography systems and several etching tools
      ordered last year were awaiting export licences. It lowered its revenue forecast for the year by about 6
      percent.

      Qingyan makes chips for power management and car electronics, products it says should not be covered by the new
      controls. Its chief executive, Pan Zhiwei, told analysts the company was seeking clarification from suppliers
      and had begun testing domestically made tools as an alternative.

      "Our products are in washing machines and electric buses, not supercomputers," Pan said on a conference call.
      "We hope common sense will prevail."

      Analysts said other Chinese chipmakers building new capacity were likely to face similar delays. Shares in
      several domestic equipment makers rose on expectations of more orders.

      The semiconductor index on the Shenzhen exchange fell 2.3 percent.
    `,
  },
  {
    id: 'demo-015',
    headline: 'Trade ministers to meet in Geneva over chip export licence dispute',
    dateline: 'GENEVA',
    source: CONTINENTAL_PRESS,
    section: 'Technology',
    topics: ['Semiconductors', 'Export Controls', 'Trade'],
    ago: 2600,
    body: `
      Trade ministers from a dozen economies will meet in Geneva next week to discuss a growing dispute over export
      licence rules for semiconductors and chipmaking equipment, officials said on Wednesday.

      The talks, organised on the sidelines of a regular trade gathering, follow complaints from governments and
      companies that the new licensing rules are disrupting supply chains for ordinary chips used in cars and consumer
      electronics.

      China's commerce ministry said it would attend and would raise what it called the "abuse of export controls". A
      spokesman said the rules harmed global trade and that Beijing reserved the right to respond.

      Diplomats said they hoped the meeting could agree on a clearer list of covered products and a faster process for
      licence applications, rather than a broader settlement.

      "Nobody expects the rules to be withdrawn. The realistic goal is to make them narrower and more predictable,"
      said a European trade official who asked not to be named because the talks had not begun.

      Industry groups have asked to present evidence at the meeting.
    `,
  },
  {
    id: 'demo-016',
    headline: 'Analysis: Why ordinary chips are at the heart of the export dispute',
    standfirst:
      'The fight over export licences is less about cutting-edge processors than the humble chips in every car.',
    dateline: 'SINGAPORE',
    byline: 'By Aaron Teo',
    authors: ['Aaron Teo'],
    source: NEWSDESK_STAFF,
    section: 'Technology',
    topics: ['Semiconductors', 'Export Controls'],
    ago: 5200,
    body: `
      Much of the debate over semiconductor export controls has focused on the most advanced processors, the chips
      used to train large artificial intelligence models. The current dispute over export licences is about something
      more mundane.

      <h2>Mature chips, big volumes</h2>

      So-called mature chips, made with manufacturing processes that are a decade or more old, account for most of the
      semiconductors sold by volume. They control car windows, regulate power in laptops and run factory machines.
      They are cheap, but a missing chip worth less than a dollar can halt a production line.

      The new licence rules were meant to target advanced chips and the tools to make them. Because the performance
      thresholds are defined broadly, companies say many mature chips and the equipment used to make them have been
      swept in.

      <blockquote><p>"The rule writers were thinking about supercomputers. The rules landed on the car industry," said
      Lim Wei Ling, a supply chain researcher in Singapore.</p></blockquote>

      <h2>Who gains</h2>

      Chinese manufacturers have been expanding mature chip production rapidly, and some analysts think the controls
      may speed up that trend by pushing buyers towards domestic equipment. Others say the delays will simply raise
      costs everywhere.

      For carmakers, the memory of chip shortages a few years ago is still fresh. Several are already building larger
      stockpiles, a sign that the industry expects the dispute to last.
    `,
  },

  // Thread: the West Lake International Film Festival (Culture).
  {
    id: 'demo-017',
    headline: "Debut drama 'The Ferryman's Daughter' wins top prize at West Lake Film Festival",
    standfirst:
      'First-time director Xu Qingqing took the Golden Lotus for a quiet family story set on the Grand Canal.',
    dateline: 'HANGZHOU',
    source: HARBOUR_WIRE,
    section: 'Culture',
    topics: ['West Lake Film Festival', 'Cinema', 'Film Awards'],
    priority: 3,
    ago: 55,
    image: illustration(
      'festival',
      'A red carpet leading to a festival stage lit by spotlights, with a lotus emblem above',
      'The closing ceremony of the West Lake International Film Festival in Hangzhou.',
    ),
    body: `
      "The Ferryman's Daughter", a debut feature by director Xu Qingqing about a family running a small ferry on the
      Grand Canal, won the Golden Lotus for best film at the West Lake International Film Festival on Saturday night.

      The jury, chaired by veteran actress Lan Yuhua, praised the film's "patient, generous look at people the modern
      economy is passing by". The film follows a young woman who returns from a factory job in the city to help her
      ageing father keep his crossing open after a new bridge is built upstream.

      Xu, 29, who grew up in a canal town near Hangzhou, thanked the non-professional actors from her home village,
      several of whom were in the audience.

      <blockquote><p>"Everyone in this film played someone they know. I only asked them to be patient with the
      camera," Xu said as she accepted the award.</p></blockquote>

      The best director prize went to Kemal Aydin for "Salt Road", a drama about truck drivers crossing Central Asia.
      Best actor was awarded to Zhou Tianle for his role as a retired opera singer in "Last Curtain".

      The festival, now in its eighth year, screened 96 films from 41 countries over ten days.
    `,
  },
  {
    id: 'demo-018',
    headline: 'West Lake Film Festival opens with restored 1950s classic',
    dateline: 'HANGZHOU',
    source: CONTINENTAL_PRESS,
    section: 'Culture',
    topics: ['West Lake Film Festival', 'Cinema', 'Film Restoration'],
    ago: 5600,
    body: `
      The eighth West Lake International Film Festival opened in Hangzhou on Thursday with a screening of a newly
      restored print of "Spring on the Lake", a 1956 romance shot largely on the banks of the city's famous West Lake.

      The film was restored over two years by the national film archive from a damaged original negative and a
      surviving print found in a provincial cinema. Technicians repaired scratches and faded colour frame by frame.

      "Audiences in the 1950s saw this lake through this film. Now a new generation can see it as it was," said
      festival director Mo Jiayi before the screening, which was held on an outdoor stage by the water.

      This year's competition includes 16 feature films, seven of them by first-time directors. Organisers said more
      than 60,000 tickets had been sold for the ten-day festival, a record.

      The festival also runs a market where producers and distributors negotiate rights. Organisers said streaming
      platforms had booked more meeting rooms than ever.
    `,
  },
  {
    id: 'demo-019',
    headline: "Feature: Xu Qingqing on filming her home village for 'The Ferryman's Daughter'",
    standfirst:
      'The West Lake Film Festival contender cast her neighbours and shot on a budget smaller than many music videos.',
    dateline: 'HANGZHOU',
    byline: 'By Li Na',
    authors: ['Li Na'],
    source: NEWSDESK_STAFF,
    section: 'Culture',
    topics: ['West Lake Film Festival', 'Cinema'],
    ago: 1900,
    body: `
      The ferry in Xu Qingqing's first feature film is real. So is the canal, the village, and most of the people on
      screen. The only professional actor in "The Ferryman's Daughter" is the young woman in the title role.

      "I wanted faces that had lived there," Xu said in an interview at the West Lake International Film Festival,
      where the film is competing for the Golden Lotus. "When you bring in actors from Beijing, the village becomes a
      set. I did not want a set."

      <h2>A budget measured in favours</h2>

      The film was made for less than 2 million yuan. Neighbours lent their homes and boats, and the local noodle shop
      fed the crew for a month in exchange for a credit. Xu edited the film herself over a winter in her parents'
      spare room.

      She cast the ferryman after watching him argue with a fishmonger at the village market. He had never seen a film
      being made.

      <blockquote><p>"He told me he would do it if he could finish work by four, because he had to feed his ducks. So
      we shot in the mornings," Xu said.</p></blockquote>

      <h2>A disappearing way of life</h2>

      Small ferries on the Grand Canal have been closing as new bridges are built. Xu said the film was not a
      complaint about progress but a record of a way of life that would soon be gone.

      "The bridge is good for everyone. But someone should remember the ferry," she said.
    `,
  },
  {
    id: 'demo-020',
    headline: 'Streaming deals dominate market at West Lake Film Festival',
    dateline: 'HANGZHOU',
    source: HARBOUR_WIRE,
    section: 'Culture',
    topics: ['West Lake Film Festival', 'Streaming', 'Cinema'],
    ago: 800,
    body: `
      Streaming platforms signed more distribution deals than cinema chains at the West Lake International Film
      Festival's market this year, the first time that has happened since the market opened, organisers said on
      Friday.

      Of 212 rights deals announced during the festival, 118 were with online platforms, many for exclusive rights in
      Asia. Cinema distributors accounted for most of the rest, with a handful of deals for television broadcasters.

      Producers said streaming companies were especially interested in short series and documentaries, and several
      feature films in the festival's competition were sold with an option for a series adaptation.

      "Five years ago we came here to find a cinema release. Now the first call is from a platform," said Ana
      Ferreira, a producer from Portugal who sold a documentary about fishing communities.

      Cinema owners said they were still looking for films with strong word of mouth. A festival prize can add weeks
      to a theatrical run, said one distributor.

      Organisers plan to expand the market next year with a section devoted to series.
    `,
  },

  // Thread: the Wuling Mountains high-speed railway (China).
  {
    id: 'demo-021',
    headline: 'Wuling Mountains high-speed railway opens to passengers',
    standfirst:
      'The line cuts travel time between Changsha and the mountain city of Jishou from five hours to under two.',
    dateline: 'CHANGSHA',
    byline: 'By Zhang Wei',
    authors: ['Zhang Wei'],
    source: CONTINENTAL_PRESS,
    section: 'China',
    topics: ['High-Speed Rail', 'Infrastructure', 'Hunan'],
    priority: 4,
    ago: 600,
    updatedAgo: 480,
    image: illustration(
      'train',
      'A white high-speed train crossing a tall viaduct between green karst mountains',
      'A train on the Wuling Mountains high-speed railway crosses a viaduct in western Hunan.',
    ),
    body: `
      The first passenger trains ran on the Wuling Mountains high-speed railway on Friday, linking the Hunan
      provincial capital Changsha with the mountain city of Jishou and cutting the journey from about five hours to
      one hour and 50 minutes.

      The 310-kilometre line took six years to build and runs through some of the most difficult terrain in central
      China. More than 70 percent of the route is on bridges or in tunnels, including a 14-kilometre tunnel under the
      Wuling range.

      The first train left Changsha South station at 7:08 am carrying about 600 passengers, many of them residents of
      western Hunan returning home for the weekend.

      <blockquote><p>"My parents used to spend a whole day getting to the city for hospital appointments. Now they can
      go and come back before dinner," said passenger Peng Xiaoyan, a teacher from Jishou.</p></blockquote>

      Trains will run at up to 350 kilometres an hour, with 28 services a day in each direction initially. The line
      has seven stations, several serving counties that previously had no rail connection at all.

      Local officials hope the railway will bring tourists to the region's villages and scenic areas and make it
      easier for farmers to sell produce in the cities.
    `,
  },
  {
    id: 'demo-022',
    headline: 'Photo essay: Building a railway through the Wuling Mountains',
    standfirst: 'Six years, 41 tunnels and 162 bridges: the people who built the new high-speed line in western Hunan.',
    dateline: 'JISHOU',
    byline: 'By Zhang Wei',
    authors: ['Zhang Wei'],
    source: NEWSDESK_STAFF,
    section: 'China',
    topics: ['High-Speed Rail', 'Infrastructure'],
    ago: 2300,
    body: `
      Before the Wuling Mountains high-speed railway could carry passengers, thousands of workers spent six years
      carving a path through limestone peaks, river gorges and caves. These pictures follow some of them.

      <h2>Under the mountain</h2>

      Tunnel foreman Tan Guoqiang spent four years inside the 14-kilometre Wuling tunnel, the longest on the line. His
      crews met underground water so often that they named the sections after the springs they found. "Some days we
      pumped more water than we moved rock," he said.

      <h2>Above the river</h2>

      On the bridge over the Youshui river, welders worked 120 metres above the water, clipped to safety lines in all
      weather. The central span, 280 metres long, was assembled from both banks and joined in the middle to within two
      centimetres.

      <blockquote><p>"When the two halves met, everyone on the bridge was quiet for a moment. Then we all started
      shouting," said welder Long Yanping, one of the few women on the bridge crew.</p></blockquote>

      <h2>The villages along the line</h2>

      Villagers sold food to the crews and some took jobs on the project. In Laodong village, the workers' canteen has
      become a restaurant for visitors who now arrive by train.

      The line opens to passengers this week. For many of those who built it, the first trip will be a journey home.
    `,
  },
  {
    id: 'demo-023',
    headline: 'Mountain towns prepare for visitors as new high-speed line nears opening',
    dateline: 'JISHOU',
    source: HARBOUR_WIRE,
    section: 'China',
    topics: ['High-Speed Rail', 'Tourism', 'Hunan'],
    ago: 3100,
    body: `
      Guesthouse owners in the mountain towns of western Hunan are adding rooms, hiring staff and learning to take
      online bookings as the Wuling Mountains high-speed railway prepares to open at the end of the week.

      The new line will bring the region within two hours of Changsha and within five hours of Guangzhou, putting its
      river gorges, old stone villages and ethnic Miao and Tujia festivals within weekend reach of millions of city
      dwellers.

      In the old town of Fenglin, one of seven stations on the line, more than 40 new guesthouses have registered with
      the local government this year. The town has widened its main road and built a car park for shuttle buses from
      the station.

      "Last year we had guests at the weekend. Now people are booking for Tuesdays," said Shi Meilan, who runs an
      eight-room inn overlooking the river.

      Some residents worry that crowds could change the character of the old towns. Local officials said they would
      limit the number of daily visitors to the most popular villages and require new buildings to follow traditional
      styles.
    `,
  },

  // Single stories around the threads.
  {
    id: 'demo-024',
    headline: 'Aid groups warn of food shortages as East African rains arrive late',
    dateline: 'NAIROBI',
    source: HARBOUR_WIRE,
    section: 'World',
    topics: ['Food Security', 'Humanitarian Aid', 'Climate Change'],
    ago: 340,
    body: `
      Aid organisations warned on Friday that millions of people in parts of East Africa could face food shortages
      early next year after the seasonal rains arrived several weeks late and planting was delayed across large
      farming areas.

      A joint assessment by six relief groups found that maize and sorghum planting in affected districts was at less
      than half its usual level for the time of year. Pasture for livestock was also poor, pushing up the price of
      milk and meat in local markets.

      "Families have already eaten the seed they were saving. If the rains fail again, there will be nothing to fall
      back on," said Grace Wanjiru, regional director of one of the groups.

      The organisations called on donors to fund drought-resistant seed, water trucking and cash transfers now, rather
      than waiting for a crisis to become visible. They said early support cost a fraction of emergency food aid.

      Forecasters said rainfall over the coming month was likely to be below average in the eastern parts of the
      region but close to normal further west.
    `,
  },
  {
    id: 'demo-025',
    headline: 'Antarctic research ship returns with deepest ice cores in expedition history',
    dateline: 'HOBART',
    source: CONTINENTAL_PRESS,
    section: 'World',
    topics: ['Polar Research', 'Climate Change'],
    ago: 7000,
    body: `
      An international research ship docked in Hobart on Sunday carrying ice cores drilled from nearly three
      kilometres below the surface of the East Antarctic ice sheet, the deepest recovered by the expedition's
      scientists.

      The cores, packed in insulated containers kept at minus 30 degrees Celsius, contain layers of ice that
      scientists believe could be more than a million years old. Tiny bubbles of air trapped in the ice preserve
      samples of the ancient atmosphere.

      "Each metre is a chapter of the planet's climate history. At the bottom we may be reading pages nobody has
      seen," said glaciologist Ingrid Solberg, who led the drilling team.

      The team spent three summers at a remote camp 1,200 kilometres from the coast, where temperatures rarely rose
      above minus 25 degrees. Drilling was halted for weeks at a time by storms.

      The cores will be divided among laboratories in Europe, Australia and Asia. Scientists hope they will help
      explain why the rhythm of ice ages changed about a million years ago, and how carbon dioxide levels were linked
      to that shift.
    `,
  },
  {
    id: 'demo-026',
    headline: "Analysis: Shanghai's office towers reinvent themselves for hybrid work",
    standfirst:
      'With vacancies at a decade high, landlords are turning floors into labs, clinics and flexible studios.',
    dateline: 'SHANGHAI',
    byline: 'By Helen Zhou',
    authors: ['Helen Zhou'],
    source: NEWSDESK_STAFF,
    section: 'Business',
    topics: ['Real Estate', 'Urban Planning', 'Shanghai'],
    ago: 3600,
    image: illustration(
      'skyline',
      'A city skyline of glass office towers beside a river at dusk, with lights on in some floors',
      "Office towers along Shanghai's riverfront, where landlords are rethinking how space is used.",
    ),
    body: `
      From the river, Shanghai's skyline looks as busy as ever. Inside many of its office towers, whole floors stand
      empty, and landlords are looking for new ways to fill them.

      Office vacancy in the city's central business districts has risen to about 22 percent, according to estimates by
      property consultancies, the highest level in more than a decade. A wave of new buildings completed in recent
      years has met companies that need less space because staff work from home part of the week.

      <h2>From desks to labs</h2>

      Some owners are converting floors into laboratories for biotechnology start-ups, which need ventilation and
      power that older residential buildings cannot provide. Others are leasing space to private clinics, training
      schools and fitness studios.

      <blockquote><p>"The tenants of the next ten years will not look like the tenants of the last ten. A building
      that cannot change will be empty," said Victor Shen, a leasing director at a property firm.</p></blockquote>

      <h2>Shorter leases, more services</h2>

      Landlords are also offering shorter leases, furnished floors and shared meeting rooms, services once associated
      with co-working operators. Rents in many towers have fallen 10 to 15 percent from their peak.

      Analysts say the adjustment will take years. Converting offices to homes, a solution tried in some Western
      cities, is difficult in Shanghai because of zoning rules and the deep floor plans of modern towers, which leave
      little natural light in the middle.
    `,
  },
  {
    id: 'demo-027',
    headline: 'Ningbo port container volumes hit monthly record despite trade frictions',
    dateline: 'NINGBO',
    source: HARBOUR_WIRE,
    section: 'Business',
    topics: ['Shipping', 'Trade'],
    ago: 1150,
    body: `
      The port of Ningbo-Zhoushan handled a record 3.6 million containers in August, up 8 percent from a year earlier,
      as exporters rushed to ship goods ahead of the year-end shopping season, the port operator said on Friday.

      Shipments to Southeast Asia, the Middle East and Latin America grew fastest, offsetting weaker volumes on some
      routes to Europe. Exports of electric vehicles, solar panels and household appliances were particularly strong.

      Port officials said new automated cranes and a rail link that brings containers directly from factories inland
      had helped the port handle the higher volumes without long queues of ships.

      "Customers are spreading their risk across more markets, and that means more routes and more calls," said Fang
      Jun, a spokesman for the port operator.

      Analysts cautioned that some of the growth reflected companies bringing shipments forward to avoid possible new
      tariffs and export licence rules, and that volumes could slow in the final months of the year.

      Ningbo-Zhoushan is the world's busiest port by cargo tonnage.
    `,
  },
  {
    id: 'demo-028',
    headline: 'Start-up launches battery-swap network for delivery e-scooters',
    dateline: 'SHENZHEN',
    source: HARBOUR_WIRE,
    section: 'Technology',
    topics: ['Electric Vehicles', 'Batteries'],
    ago: 2,
    body: `
      A Shenzhen start-up on Saturday launched a network of 1,500 battery-swap cabinets for electric scooters, aimed
      at the city's food delivery riders, who often spend an hour or more a day waiting for batteries to charge.

      Riders of compatible scooters can exchange a flat battery for a fully charged one in about 20 seconds by
      scanning a code at a cabinet, said the company, Voltlane. Riders pay a monthly subscription of 199 yuan for
      unlimited swaps.

      The cabinets are placed outside convenience stores, metro stations and residential compounds. The company said
      each one monitors battery temperature and stops charging a pack that shows signs of damage, a response to
      concerns about fires caused by scooter batteries charged indoors.

      "For a delivery rider, time on the road is money. Every minute spent at a socket is a minute without orders,"
      said chief executive Liang Yifan.

      Voltlane plans to expand to Guangzhou and Dongguan next year. Several competitors already run smaller swap
      networks in other cities, and analysts said the market was likely to consolidate.
    `,
  },
  {
    id: 'demo-029',
    headline: 'Satellite constellation to bring broadband to remote villages by next year',
    dateline: 'BEIJING',
    source: CONTINENTAL_PRESS,
    section: 'Technology',
    topics: ['Space', 'Broadband', 'Rural Development'],
    ago: 4800,
    body: `
      A constellation of low-orbit communications satellites will begin offering broadband service to remote villages
      in western China next year, the operator said on Monday, after the latest batch of 24 satellites reached orbit.

      The operator, Tianlu Communications, now has 180 satellites in orbit and plans to launch about 300 more over the
      next three years. It said the first service would cover mountain and plateau areas where laying fibre-optic
      cable is expensive.

      Villages will be connected through shared ground terminals installed at schools, clinics and village offices,
      rather than individual dishes on each home, which keeps costs down, said chief engineer Ma Jun.

      "A clinic in the mountains should be able to hold a video consultation with a city hospital as easily as a
      clinic in the city," Ma said.

      Industry analysts said satellite broadband was becoming competitive for the hardest-to-reach areas, though
      speeds would still be lower than fibre. Astronomers have raised concerns about the growing number of satellites
      in low orbit and their effect on observations of the night sky.
    `,
  },
  {
    id: 'demo-030',
    headline: 'Feature: A Song dynasty scroll returns to view after three years of restoration',
    standfirst: 'Conservators repaired thousands of tiny tears in a 12-metre landscape painting, one thread at a time.',
    dateline: 'BEIJING',
    byline: 'By Li Na',
    authors: ['Li Na'],
    source: NEWSDESK_STAFF,
    section: 'Culture',
    topics: ['Museums', 'Heritage', 'Art Restoration'],
    ago: 1700,
    body: `
      For three years, a 12-metre handscroll painted nearly 900 years ago lay on a long table in a quiet workshop,
      while a team of four conservators worked along it a few centimetres at a time. This week it went back on public
      display.

      The scroll, "Autumn Rivers and Distant Hills", is one of the finest surviving landscapes from the Southern Song
      dynasty. Centuries of rolling and unrolling had left the silk brittle and split along thousands of fine creases.

      <h2>Patience and paste</h2>

      The conservators first photographed every section under different kinds of light to record the damage. They then
      removed old repairs, some of them made with unsuitable paper in the last century, and backed the silk with new
      layers of handmade mulberry paper using a wheat starch paste.

      <blockquote><p>"You cannot hurry silk this old. Some days we restored an area smaller than a fingernail, and
      that was a good day," said chief conservator He Ruolan.</p></blockquote>

      <h2>Seeing more than before</h2>

      The cleaning revealed details hidden for generations, including two small figures in a boat and a faint seal of
      a Ming dynasty collector. Visitors can compare the painting with a projection of images taken before the
      restoration.

      The museum will display the scroll for three months before it is rested in storage, to protect the pigments from
      light.
    `,
  },
  {
    id: 'demo-031',
    headline: 'Translated fiction sales climb as readers look beyond English',
    dateline: 'LONDON',
    source: CONTINENTAL_PRESS,
    section: 'Culture',
    topics: ['Books', 'Translation'],
    ago: 8400,
    body: `
      Sales of translated fiction rose by a fifth last year, according to figures released by booksellers at a London
      book fair on Tuesday, with novels from East Asia and Scandinavia accounting for much of the growth.

      Translated novels now make up about 7 percent of fiction sold, up from less than 4 percent a decade ago. Young
      readers were the fastest-growing group of buyers, with many discovering books through short video reviews
      online.

      Publishers said Korean and Japanese novels about everyday life, workplace struggles and small neighbourhood
      businesses had been particularly popular, as had crime fiction from the Nordic countries.

      "Readers are curious. They want a window into lives that are different from theirs, but they also recognise
      themselves," said Eleanor Hart, a publisher who specialises in translated literature.

      Translators welcomed the trend but said pay had not kept up. Several publishers have started printing the
      translator's name on the front cover, a change campaigners have long demanded.
    `,
  },
  {
    id: 'demo-032',
    headline: 'Beijing adds 12 night bus routes as late-evening ridership grows',
    dateline: 'BEIJING',
    source: HARBOUR_WIRE,
    section: 'China',
    topics: ['Urban Transport', 'Beijing'],
    ago: 230,
    body: `
      Beijing will add 12 night bus routes from next month, the city's transport commission said on Saturday, as more
      people travel after the subway closes for work, study and the city's growing late-evening dining and
      entertainment scene.

      The new routes will connect major hospitals, railway stations and business districts with residential areas on
      the city's outskirts, filling gaps in a network that currently has 34 night routes. Buses will run every 20 to
      30 minutes between 11 pm and 5 am.

      Ridership on night buses has risen by more than 40 percent over the past two years, according to the commission.
      Surveys found that many passengers were healthcare workers, delivery riders and restaurant staff finishing late
      shifts.

      "I used to spend a third of my night wages on taxis," said Wang Lei, a cook at a restaurant in the Sanlitun
      area. "A bus that goes near my home is a big help."

      The commission said it would use data from transit cards to adjust timetables and routes after the first three
      months.
    `,
  },
  {
    id: 'demo-033',
    headline: 'Rotterdam dock workers end strike after pay deal',
    dateline: 'ROTTERDAM',
    source: CONTINENTAL_PRESS,
    section: 'World',
    topics: ['Shipping', 'Labour'],
    ago: 6300,
    body: `
      Dock workers at the port of Rotterdam returned to work on Sunday after unions and terminal operators agreed a
      two-year pay deal, ending a five-day strike that left dozens of container ships waiting at anchor in the North
      Sea.

      The agreement gives workers a pay rise of 9 percent over two years, along with new limits on night shifts and
      guarantees that automation at the port's terminals will not lead to compulsory redundancies.

      Union leaders said members had approved the deal by a large majority in a vote on Saturday evening. Terminal
      operators said it would take about a week to clear the backlog of ships.

      "This agreement shows that new technology and good jobs can go together," said Pieter van Dijk, a negotiator for
      the dockers' union.

      Shipping lines had diverted some vessels to other ports in northern Europe during the strike, and freight
      forwarders warned that deliveries to shops and factories could be delayed for several days.
    `,
  },
];

/** The demo newsroom's stories, dated relative to `now` so the site always looks live. */
export function demoArticles(now: Date): ArticleInput[] {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  return stories.map(({ ago, updatedAgo, body, ...story }) => ({
    ...story,
    bodyHtml: html(body),
    language: 'en',
    status: 'published',
    priority: story.priority ?? 0,
    publishedAt: minutesAgo(ago),
    updatedAt: minutesAgo(updatedAgo !== undefined ? Math.max(0, Math.min(updatedAgo, ago)) : ago),
  }));
}
