import { render } from 'solid-js/web';
import '../shared/theme/base.css';
import '../family/family.css';
import './activate.css';
import { locale } from '../shared/i18n/i18n.ts';
import ActivatePage from './ActivatePage.tsx';

document.documentElement.lang = locale();
render(() => <ActivatePage />, document.getElementById('root')!);
