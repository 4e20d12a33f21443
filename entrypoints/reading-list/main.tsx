import { render } from 'preact';
import { ReadingListApp } from '@/components/ReadingListApp';

render(<ReadingListApp />, document.getElementById('app')!);
