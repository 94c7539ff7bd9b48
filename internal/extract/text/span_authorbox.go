package text

// dropAuthorBoxes drops an author's box set into the body: the credited
// author's name alone on a line, with the short lines under it (a role,
// the outlet, a link to follow), where the article's prose goes on below.
// dropAuthorBio takes such a box at the end of the body; in the middle the
// article's own paragraphs under it stay.
func dropAuthorBoxes(doc *document) {
	if len(doc.meta.authors) == 0 {
		return
	}
	bs := doc.blocks
	for i := doc.bodyStart + 1; i < doc.bodyEnd; i++ {
		if bs[i].label != labelBody {
			continue
		}
		if _, whole := authorOpening(bs[i].text, doc.meta.authors); !whole {
			continue
		}
		j := i
		for ; j < doc.bodyEnd; j++ {
			if b := &bs[j]; b.label == labelBody && b.words > authorBoxLineWords {
				break
			}
		}
		if j >= doc.bodyEnd {
			return // the box ends the body: dropAuthorBio's
		}
		for k := i; k < j; k++ {
			if bs[k].label == labelBody {
				bs[k].label, bs[k].reason = labelRelated, "layout:author-box"
			}
		}
		i = j
	}
}

// authorBoxLineWords is the longest line of an author's box.
const authorBoxLineWords = 12
