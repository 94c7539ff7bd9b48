package web

// htmlPoolStory is the article the HTML front-end's table tests put
// before what they test: six paragraphs of prose, over a thousand
// characters (an article's worth for the rules that end it).
var htmlPoolStory = []string{
	"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.",
	"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners.",
	"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.",
	"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
	"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.",
	"A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring.",
}
