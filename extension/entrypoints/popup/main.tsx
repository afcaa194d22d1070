import { render } from 'preact';
import '../../assets/theme.css';
import './popup.css';
import { Translated } from '../../lib/ui/Translated';
import { App } from './App';
import { prefetchFirstPage } from './first-page';

prefetchFirstPage();

render(<Translated>{(tr) => <App tr={tr} />}</Translated>, document.getElementById('app')!);
