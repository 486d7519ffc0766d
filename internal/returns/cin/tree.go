package cin

import (
	"bytes"
	"errors"
	"fmt"
)

// node is an element of the file with its text and where it starts.
type node struct {
	name string
	text string
	line int
	kids []*node

	from, to int // text's place in trees.text while the tree is read
}

// trees holds the elements of the top-level element being read (a
// <Child>, the <Header>): they are made again for the next, so reading a
// child costs a few allocations rather than several an element. Only the
// text outlives the tree, as one string a child that its values slice.
type trees struct {
	nodes [][]node // blocks of nodes; a node's address never moves
	used  int      // nodes handed out from the blocks
	stack []*node  // elements read whose parent is not finished
	kids  []*node  // the nodes' kids, each node's a run
	text  []byte   // the text of every element, each in its own run
	bools []bool   // for scopes, see scope
	found []*node  // for scope.all
}

const nodeBlock = 256

// newNode is a node from the blocks, cleared.
func (t *trees) newNode(name string, line int) *node {
	b, i := t.used/nodeBlock, t.used%nodeBlock
	if b == len(t.nodes) {
		t.nodes = append(t.nodes, make([]node, nodeBlock))
	}
	t.used++
	n := &t.nodes[b][i]
	*n = node{name: name, line: line}
	return n
}

// tree reads the element begun by start, and everything in it, into a
// node.
func (rd *reader) tree(start token, depth int) (*node, error) {
	t := &rd.trees
	t.used, t.stack, t.kids, t.text, t.bools, t.found = 0, t.stack[:0], t.kids[:0], t.text[:0], t.bools[:0], t.found[:0]
	n, err := rd.element(start, depth)
	if err != nil {
		return nil, err
	}
	text := string(t.text)
	for b := range t.nodes {
		for i := range min(nodeBlock, t.used-b*nodeBlock) {
			k := &t.nodes[b][i]
			k.text = text[k.from:k.to]
		}
	}
	return n, nil
}

// element reads one element into a node; its text is left as a run of
// trees.text, without the white space around it.
func (rd *reader) element(start token, depth int) (*node, error) {
	t := &rd.trees
	n := t.newNode(start.name, start.line)
	if depth > maxDepth {
		return nil, &ReadError{n.line, fmt.Sprintf("<%s> is nested %d deep: no CIN census element is", n.name, depth)}
	}
	if start.selfClose {
		return n, nil
	}
	n.from, n.to = len(t.text), -1
	base := len(t.stack)
	for {
		tok, err := rd.s.next()
		if errors.Is(err, errEOF) {
			return nil, rd.s.cutShort()
		}
		if err != nil {
			return nil, err
		}
		switch tok.kind {
		case tokStart:
			if n.to < 0 { // an element with elements in it has no value of its own
				n.to = len(t.text)
			}
			k, err := rd.element(tok, depth+1)
			if err != nil {
				return nil, err
			}
			t.stack = append(t.stack, k)
		case tokText:
			if n.to < 0 {
				t.text = append(t.text, tok.text...)
			}
		case tokEnd:
			if tok.name != n.name {
				return nil, mismatched(tok, start)
			}
			if n.to < 0 {
				n.to = len(t.text)
			}
			n.from, n.to = trimmed(t.text, n.from, n.to)
			if len(t.stack) > base {
				from := len(t.kids)
				t.kids = append(t.kids, t.stack[base:]...)
				n.kids = t.kids[from:len(t.kids):len(t.kids)]
				t.stack = t.stack[:base]
			}
			return n, nil
		}
	}
}

// trimmed is where text[from:to] is without the white space around it
// (as bytes.TrimSpace has it).
func trimmed(text []byte, from, to int) (int, int) {
	seg := text[from:to:to]
	r := bytes.TrimSpace(seg)
	if len(r) == 0 {
		return from, from
	}
	from += cap(seg) - cap(r) // r ends where seg does
	return from, from + len(r)
}
