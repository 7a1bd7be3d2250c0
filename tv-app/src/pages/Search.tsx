export default function Search() {
  return <view />;
}
