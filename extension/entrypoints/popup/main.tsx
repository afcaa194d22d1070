import { render } from 'preact';
import '../../assets/theme.css';
import './popup.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
