import { render } from 'solid-js/web';
import '../shared/theme/base.css';
import './console.css';
import { locale } from '../shared/i18n/i18n.ts';
import ConsoleApp from './ConsoleApp.tsx';

document.documentElement.lang = locale();
render(() => <ConsoleApp />, document.getElementById('root')!);
