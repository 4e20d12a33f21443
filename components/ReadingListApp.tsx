/** The reading list page. Saved passages arrive with the reading-list work. */
export function ReadingListApp() {
  return (
    <main>
      <h1>Reading list</h1>
      <p class="muted">Passages you save from articles will appear here.</p>
    </main>
  );
}
